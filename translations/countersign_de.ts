<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AskPass</name>
    <message>
        <source>Countersign — SSH key</source>
        <translation>Countersign — SSH-Schlüssel</translation>
    </message>
    <message>
        <source>Passphrase of the signing key:</source>
        <translation>Passphrase des Signaturschlüssels:</translation>
    </message>
</context>
<context>
    <name>Countersign::AboutDialog</name>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>About Countersign</source>
        <translation>Über Countersign</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>Commit</translation>
    </message>
    <message>
        <source>Qt</source>
        <translation>Qt</translation>
    </message>
    <message>
        <source>Qt built against</source>
        <translation>Qt beim Bauen</translation>
    </message>
    <message>
        <source>KF6 SyntaxHighlighting</source>
        <translation>KF6 SyntaxHighlighting</translation>
    </message>
    <message>
        <source>SQLite</source>
        <translation>SQLite</translation>
    </message>
    <message>
        <source>cmark-gfm</source>
        <translation>cmark-gfm</translation>
    </message>
    <message>
        <source>Sign-off ledger</source>
        <translation>Abzeichnungs-Ledger</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Countersign icon</source>
        <translation>Countersign-Symbol</translation>
    </message>
    <message>
        <source>Countersign</source>
        <translation>Countersign</translation>
    </message>
    <message>
        <source>Compare, sign off and export bilateral release cutover records.</source>
        <translation>Umstellungsprotokolle beider Seiten vergleichen, freigeben und exportieren.</translation>
    </message>
    <message>
        <source>Copy these details as plain text, for a bug report</source>
        <translation>Diese Angaben als reinen Text kopieren, für einen Fehlerbericht</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Lizenz</translation>
    </message>
</context>
<context>
    <name>Countersign::CheckpointUpdateDialog</name>
    <message>
        <source>Update from Checkpoint</source>
        <translation>Aus Checkpoint aktualisieren</translation>
    </message>
    <message>
        <source>%1 already states the runtime target, phase and date of %2: nothing to change.</source>
        <translation>%1 enthält bereits Laufzeitziel, Phase und Datum aus %2: Es gibt nichts zu ändern.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Bisher</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <source>(added)</source>
        <translation>(hinzugefügt)</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Anwenden</translation>
    </message>
    <message>
        <source>Apply takes the checked changes from %2 into %1 (Space checks or unchecks a row). The rest of the record stays as it is, and Undo takes the whole update back.</source>
        <translation>„Anwenden“ übernimmt die angehakten Änderungen aus %2 in %1 (die Leertaste hakt eine Zeile an oder ab). Der Rest des Protokolls bleibt, wie er ist, und „Rückgängig“ nimmt die gesamte Aktualisierung zurück.</translation>
    </message>
    <message>
        <source>The checkpoint is older than the record: %1 would go back from %2 to %3.</source>
        <translation>Der Checkpoint ist älter als das Protokoll: %1 würde von %2 auf %3 zurückgehen.</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Its row is unchecked: check it to apply it anyway.</source>
        <translation>Die Zeile ist nicht angehakt: Haken Sie sie an, um sie trotzdem anzuwenden.</translation>
    </message>
</context>
<context>
    <name>Countersign::CutoverFolderDialogs</name>
    <message>
        <source>Looking for records in %1 and %2…</source>
        <translation>Protokolle in %1 und %2 werden gesucht…</translation>
    </message>
    <message>
        <source>Stopped looking for records after reading %1 of %2 files.</source>
        <translation>Suche nach Protokollen abgebrochen, nachdem %1 von %2 Dateien gelesen wurden.</translation>
    </message>
    <message>
        <source>The Producer&apos;s Folder (left)</source>
        <translation>Ordner des Produzenten (links)</translation>
    </message>
    <message>
        <source>The Consumer&apos;s Folder (right)</source>
        <translation>Ordner des Konsumenten (rechts)</translation>
    </message>
    <message>
        <source>Open Cutover Folders</source>
        <translation>Umstellungsordner öffnen</translation>
    </message>
    <message>
        <source>Scan status</source>
        <translation>Suchstatus</translation>
    </message>
    <message>
        <source>Listing the files in the two folders…</source>
        <translation>Dateien in den beiden Ordnern werden aufgelistet…</translation>
    </message>
    <message>
        <source>Files read</source>
        <translation>Gelesene Dateien</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop looking for records</source>
        <translation>Suche nach Protokollen abbrechen</translation>
    </message>
    <message>
        <source>Reading records: %1 of %2 files…</source>
        <translation>Protokolle werden gelesen: %1 von %2 Dateien…</translation>
    </message>
    <message>
        <source>Found 1 pair of records.</source>
        <translation>1 Protokollpaar gefunden.</translation>
    </message>
    <message>
        <source>Found %1 pairs of records.</source>
        <translation>%1 Protokollpaare gefunden.</translation>
    </message>
    <message>
        <source>Comparing the pairs: %1 of %2…</source>
        <translation>Paare werden verglichen: %1 von %2…</translation>
    </message>
</context>
<context>
    <name>Countersign::DiffConnector</name>
    <message>
        <source>Differences between the panes</source>
        <translation>Unterschiede zwischen den Bereichen</translation>
    </message>
    <message>
        <source>Each shape links a difference on the left with the right; click one to go to it, or an arrow at its end to copy it to the other side.</source>
        <translation>Jede Form verbindet einen Unterschied links mit seinem Gegenstück rechts; klicken Sie auf eine Form, um dorthin zu springen, oder auf einen Pfeil an ihrem Ende, um ihn auf die andere Seite zu kopieren.</translation>
    </message>
    <message>
        <source>Copy this difference to the right (Alt+Right)</source>
        <translation>Diesen Unterschied nach rechts kopieren (Alt+Rechts)</translation>
    </message>
    <message>
        <source>Copy this difference to the left (Alt+Left)</source>
        <translation>Diesen Unterschied nach links kopieren (Alt+Links)</translation>
    </message>
</context>
<context>
    <name>Countersign::DifferenceNavigator</name>
    <message>
        <source>Difference %1 of %2</source>
        <translation>Unterschied %1 von %2</translation>
    </message>
    <message>
        <source>Difference %1 copied to the right (Undo in the right pane takes it back).</source>
        <translation>Unterschied %1 nach rechts kopiert („Rückgängig“ im rechten Bereich nimmt es zurück).</translation>
    </message>
    <message>
        <source>Difference %1 copied to the left (Undo in the left pane takes it back).</source>
        <translation>Unterschied %1 nach links kopiert („Rückgängig“ im linken Bereich nimmt es zurück).</translation>
    </message>
</context>
<context>
    <name>Countersign::DocumentController</name>
    <message>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <source>Nothing to save: open a record first.</source>
        <translation>Nichts zu speichern: Öffnen Sie zuerst ein Protokoll.</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Nothing to reload.</source>
        <translation>Nichts neu zu laden.</translation>
    </message>
    <message>
        <source>%1 is not saved yet: Save (Ctrl+S) asks where.</source>
        <translation>%1 ist noch nicht gespeichert: Speichern (Ctrl+S) fragt nach dem Speicherort.</translation>
    </message>
    <message>
        <source>Open Left Record</source>
        <translation>Linkes Protokoll öffnen</translation>
    </message>
    <message>
        <source>Open Right Record</source>
        <translation>Rechtes Protokoll öffnen</translation>
    </message>
    <message>
        <source>Markdown records (*.md *.markdown);;All files (*)</source>
        <translation>Markdown-Protokolle (*.md *.markdown);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Cannot open record</source>
        <translation>Protokoll kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>Speichern nicht möglich</translation>
    </message>
    <message>
        <source>Save Record As</source>
        <translation>Protokoll speichern unter</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>Drop your unsaved edits to %1 and load the file from disk?</source>
        <translation>Ungespeicherte Änderungen an %1 verwerfen und die Datei von der Festplatte laden?</translation>
    </message>
    <message>
        <source>Cannot reload</source>
        <translation>Neu laden nicht möglich</translation>
    </message>
    <message>
        <source>Unsaved edits</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>Drop your unsaved edits to %1 and open %2?</source>
        <translation>Ungespeicherte Änderungen an %1 verwerfen und %2 öffnen?</translation>
    </message>
    <message>
        <source>%1 has unsaved edits. Save them before closing?</source>
        <translation>%1 hat ungespeicherte Änderungen. Vor dem Schließen speichern?</translation>
    </message>
    <message>
        <source>%1 changed on disk; your edits are kept (File &gt; Reload from Disk loads it).</source>
        <translation>%1 wurde auf der Festplatte geändert; Ihre Änderungen bleiben erhalten (Datei &gt; Von der Festplatte neu laden lädt die Datei).</translation>
    </message>
    <message>
        <source>Reloaded %1: it changed on disk.</source>
        <translation>%1 neu geladen: Die Datei wurde auf der Festplatte geändert.</translation>
    </message>
    <message>
        <source>%1 was removed from disk; Save writes it again.</source>
        <translation>%1 wurde von der Festplatte entfernt; Speichern schreibt die Datei erneut.</translation>
    </message>
    <message>
        <source>Cannot keep a recovery copy of your edits: %1</source>
        <translation>Wiederherstellungskopie Ihrer Änderungen kann nicht angelegt werden: %1</translation>
    </message>
    <message>
        <source>Restore unsaved edits?</source>
        <translation>Ungespeicherte Änderungen wiederherstellen?</translation>
    </message>
    <message>
        <source>Restored unsaved edits to %1.</source>
        <translation>Ungespeicherte Änderungen an %1 wiederhergestellt.</translation>
    </message>
    <message>
        <source>Countersign kept unsaved edits to %1 from %2 (it was closed without saving them, or stopped).</source>
        <translation>Countersign hat ungespeicherte Änderungen an %1 vom %2 aufbewahrt (es wurde geschlossen, ohne sie zu speichern, oder beendet).</translation>
    </message>
    <message>
        <source>The lines they change are listed below (- the file, + your edits). Restored, they stay unsaved until you save; kept, the file stays as it is and the edits are deleted.</source>
        <translation>Die Zeilen, die sie ändern, stehen unten (- die Datei, + Ihre Änderungen). Wiederhergestellt bleiben sie ungespeichert, bis Sie speichern; behalten Sie die Datei, bleibt sie, wie sie ist, und die Änderungen werden gelöscht.</translation>
    </message>
    <message>
        <source>These edits are older than the file, which was saved after them, on %1: restoring them would undo that save.</source>
        <translation>Diese Änderungen sind älter als die Datei, die danach gespeichert wurde, am %1: Sie wiederherzustellen würde diese Speicherung rückgängig machen.</translation>
    </message>
    <message>
        <source>&amp;Keep the File</source>
        <translation>Datei &amp;behalten</translation>
    </message>
    <message>
        <source>&amp;Restore Edits</source>
        <translation>Änderungen &amp;wiederherstellen</translation>
    </message>
    <message>
        <source>%1 (the file)</source>
        <translation>%1 (die Datei)</translation>
    </message>
    <message>
        <source>%1 (your unsaved edits)</source>
        <translation>%1 (Ihre ungespeicherten Änderungen)</translation>
    </message>
    <message>
        <source>&amp;Drop Edits and Reload</source>
        <translation>Änderungen &amp;verwerfen und neu laden</translation>
    </message>
    <message>
        <source>&amp;Drop Edits and Open</source>
        <translation>Änderungen &amp;verwerfen und öffnen</translation>
    </message>
    <message>
        <source>&amp;Keep Edits</source>
        <translation>Änderungen &amp;behalten</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>&amp;Discard Edits</source>
        <translation>Änderungen &amp;verwerfen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>Countersign::DraftingActions</name>
    <message>
        <source>Open a decision record or producer mirror first.</source>
        <translation>Öffnen Sie zuerst ein Entscheidungsprotokoll oder einen Spiegel des Produzenten.</translation>
    </message>
    <message>
        <source>The mirror was not opened: %1 has unsaved edits.</source>
        <translation>Der Spiegel wurde nicht geöffnet: %1 hat ungespeicherte Änderungen.</translation>
    </message>
    <message>
        <source>Update from Checkpoint</source>
        <translation>Aus Checkpoint aktualisieren</translation>
    </message>
    <message>
        <source>Markdown records (*.md *.markdown);;All files (*)</source>
        <translation>Markdown-Protokolle (*.md *.markdown);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Cannot update from the checkpoint</source>
        <translation>Aktualisieren aus dem Checkpoint nicht möglich</translation>
    </message>
    <message>
        <source>Open the decision record to update first.</source>
        <translation>Öffnen Sie zuerst das zu aktualisierende Entscheidungsprotokoll.</translation>
    </message>
    <message>
        <source>%1 changed while the update was shown; nothing was applied. Choose the checkpoint again.</source>
        <translation>%1 wurde geändert, während die Aktualisierung angezeigt wurde; es wurde nichts übernommen. Wählen Sie den Checkpoint erneut.</translation>
    </message>
    <message>
        <source>Updated 1 value of %1 from the checkpoint (Undo takes it back).</source>
        <translation>1 Wert von %1 aus dem Checkpoint aktualisiert („Rückgängig“ nimmt es zurück).</translation>
    </message>
    <message>
        <source>Updated %1 values of %2 from the checkpoint (Undo takes it back).</source>
        <translation>%1 Werte von %2 aus dem Checkpoint aktualisiert („Rückgängig“ nimmt es zurück).</translation>
    </message>
</context>
<context>
    <name>Countersign::FindBar</name>
    <message>
        <source>Match &amp;case</source>
        <translation>Groß-/&amp;Kleinschreibung</translation>
    </message>
    <message>
        <source>&amp;Whole words</source>
        <translation>Ganze &amp;Wörter</translation>
    </message>
    <message>
        <source>&amp;Both panes</source>
        <translation>B&amp;eide Bereiche</translation>
    </message>
    <message>
        <source>Find in the record</source>
        <translation>Im Protokoll suchen</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Ne&amp;xt</source>
        <translation>Nä&amp;chster</translation>
    </message>
    <message>
        <source>The next match (F3, Enter)</source>
        <translation>Der nächste Treffer (F3, Eingabe)</translation>
    </message>
    <message>
        <source>&amp;Previous</source>
        <translation>V&amp;origer</translation>
    </message>
    <message>
        <source>The previous match (Shift+F3, Shift+Enter)</source>
        <translation>Der vorige Treffer (Umschalt+F3, Umschalt+Eingabe)</translation>
    </message>
    <message>
        <source>Count and step through the matches of both panes, the left one&apos;s first</source>
        <translation>Die Treffer beider Bereiche zählen und durchgehen, die des linken zuerst</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Keine Treffer</translation>
    </message>
    <message>
        <source>Close the find bar (Esc)</source>
        <translation>Suchleiste schließen (Esc)</translation>
    </message>
    <message>
        <source>Close the find bar</source>
        <translation>Suchleiste schließen</translation>
    </message>
    <message>
        <source>Reached the end, continued from the top</source>
        <translation>Ende erreicht, weiter am Anfang</translation>
    </message>
    <message>
        <source>Reached the top, continued from the end</source>
        <translation>Anfang erreicht, weiter am Ende</translation>
    </message>
    <message>
        <source>Continued in the left pane</source>
        <translation>Weiter im linken Bereich</translation>
    </message>
    <message>
        <source>Continued in the right pane</source>
        <translation>Weiter im rechten Bereich</translation>
    </message>
    <message>
        <source>%1 matches so far…</source>
        <translation>bisher %1 Treffer…</translation>
    </message>
    <message>
        <source>1 match</source>
        <translation>1 Treffer</translation>
    </message>
    <message>
        <source>%1 matches</source>
        <translation>%1 Treffer</translation>
    </message>
    <message>
        <source>1 of 1 match</source>
        <translation>1 von 1 Treffer</translation>
    </message>
    <message>
        <source>%1 of %2 matches</source>
        <translation>%1 von %2 Treffern</translation>
    </message>
    <message>
        <source>%1 (%2 left, %3 right)</source>
        <translation>%1 (%2 links, %3 rechts)</translation>
    </message>
</context>
<context>
    <name>Countersign::FindingsModel</name>
    <message>
        <source>Blocking</source>
        <translation>Blockierend</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>Lint error</source>
        <translation>Lint-Fehler</translation>
    </message>
    <message>
        <source>Lint warning</source>
        <translation>Lint-Warnung</translation>
    </message>
    <message>
        <source>%1 (line %2)</source>
        <translation>%1 (Zeile %2)</translation>
    </message>
    <message>
        <source>Lint: %1</source>
        <translation>Lint: %1</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>Zeile %1</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Abschnitt</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Rechts</translation>
    </message>
    <message>
        <source>Not comparable</source>
        <translation>Nicht vergleichbar</translation>
    </message>
    <message>
        <source>Blocking: %1</source>
        <translation>Blockierend: %1</translation>
    </message>
    <message>
        <source>Blocking: %1 (%2)</source>
        <comment>what differs (the field)</comment>
        <translation>Blockierend: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>Countersign::FindingsPanel</name>
    <message>
        <source>All findings</source>
        <translation>Alle Befunde</translation>
    </message>
    <message>
        <source>Blocking and warnings</source>
        <translation>Blockierende und Warnungen</translation>
    </message>
    <message>
        <source>Blocking only</source>
        <translation>Nur blockierende</translation>
    </message>
    <message>
        <source>Show findings</source>
        <translation>Angezeigte Befunde</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
</context>
<context>
    <name>Countersign::FolderPairsModel</name>
    <message>
        <source>Decision record</source>
        <translation>Entscheidungsprotokoll</translation>
    </message>
    <message>
        <source>Checkpoint packets</source>
        <translation>Checkpoint-Pakete</translation>
    </message>
    <message>
        <source>no producer mirror found</source>
        <translation>kein Spiegel des Produzenten gefunden</translation>
    </message>
    <message>
        <source>no consumer decision record found</source>
        <translation>kein Entscheidungsprotokoll des Konsumenten gefunden</translation>
    </message>
    <message>
        <source>no producer checkpoint packet found</source>
        <translation>kein Checkpoint-Paket des Produzenten gefunden</translation>
    </message>
    <message>
        <source>no consumer checkpoint packet found</source>
        <translation>kein Checkpoint-Paket des Konsumenten gefunden</translation>
    </message>
    <message>
        <source>1 pair</source>
        <translation>1 Paar</translation>
    </message>
    <message>
        <source>%1 pairs</source>
        <translation>%1 Paare</translation>
    </message>
    <message>
        <source>undated</source>
        <translation>ohne Datum</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 · %2, %3 unpaired</source>
        <translation>%1 · %2, %3 ungepaart</translation>
    </message>
    <message>
        <source>%1 (unpaired)</source>
        <translation>%1 (ungepaart)</translation>
    </message>
    <message>
        <source>Opens the producer&apos;s document on the left and the consumer&apos;s on the right.</source>
        <translation>Öffnet das Protokoll des Produzenten links und das des Konsumenten rechts.</translation>
    </message>
    <message>
        <source>Only one side of this pair was found; it cannot be opened as a pair.</source>
        <translation>Von diesem Paar wurde nur eine Seite gefunden; es kann nicht als Paar geöffnet werden.</translation>
    </message>
    <message>
        <source>Cutover and documents</source>
        <translation>Umstellung und Protokolle</translation>
    </message>
    <message>
        <source>Producer (left)</source>
        <translation>Produzent (links)</translation>
    </message>
    <message>
        <source>Consumer (right)</source>
        <translation>Konsument (rechts)</translation>
    </message>
    <message>
        <source>Finalized export</source>
        <translation>Finalisierter Export</translation>
    </message>
    <message>
        <source>its record was not found</source>
        <translation>sein Protokoll wurde nicht gefunden</translation>
    </message>
    <message>
        <source>Aligned</source>
        <translation>Übereinstimmend</translation>
    </message>
    <message>
        <source>Not aligned</source>
        <translation>Nicht übereinstimmend</translation>
    </message>
    <message>
        <source>Not comparable</source>
        <translation>Nicht vergleichbar</translation>
    </message>
    <message>
        <source>Not compared</source>
        <translation>Nicht verglichen</translation>
    </message>
    <message>
        <source>Unpaired</source>
        <translation>Ungepaart</translation>
    </message>
    <message>
        <source>%1, final</source>
        <translation>%1, final</translation>
    </message>
    <message>
        <source>Not final: open sign-offs</source>
        <translation>Nicht final: offene Abzeichnungen</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>Final</translation>
    </message>
    <message>
        <source>Final, but the record changed since</source>
        <translation>Final, aber das Protokoll hat sich seitdem geändert</translation>
    </message>
    <message>
        <source>Opens %1 on the left and its finalized export on the right: the difference is what the export added.</source>
        <translation>Öffnet %1 links und seinen finalisierten Export rechts: Der Unterschied ist das, was der Export hinzugefügt hat.</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Not verified: no trust folder says who may sign</source>
        <translation>Nicht geprüft: Kein Vertrauensordner legt fest, wer zeichnen darf</translation>
    </message>
    <message>
        <source>Does not verify: %1</source>
        <translation>Prüfung fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>Countersign::HandbookDialog</name>
    <message>
        <source>Countersign Handbook</source>
        <translation>Countersign-Handbuch</translation>
    </message>
    <message>
        <source>Handbook</source>
        <translation>Handbuch</translation>
    </message>
    <message>
        <source>The handbook is missing from this build.</source>
        <translation>Das Handbuch fehlt in diesem Build.</translation>
    </message>
</context>
<context>
    <name>Countersign::LedgerLocationDialog</name>
    <message>
        <source>Sign-off Ledger</source>
        <translation>Abzeichnungs-Ledger</translation>
    </message>
    <message>
        <source>Where sign-offs are recorded: a ledger file (an existing one, or a new file), or a ledger shared on a PostgreSQL server, as postgresql://host/database. A server&apos;s password comes from ~/.pgpass or PGPASSWORD, never from here.</source>
        <translation>Wo Unterzeichnungen eingetragen werden: eine Ledger-Datei (eine vorhandene oder eine neue) oder ein auf einem PostgreSQL-Server geteiltes Ledger, als postgresql://host/datenbank. Das Passwort eines Servers kommt aus ~/.pgpass oder PGPASSWORD, nie von hier.</translation>
    </message>
    <message>
        <source>&amp;Ledger:</source>
        <translation>&amp;Ledger:</translation>
    </message>
    <message>
        <source>/path/to/ledger.sqlite or postgresql://host/database</source>
        <translation>/pfad/zum/ledger.sqlite oder postgresql://host/datenbank</translation>
    </message>
    <message>
        <source>&amp;Browse...</source>
        <translation>&amp;Durchsuchen...</translation>
    </message>
    <message>
        <source>Ledger file (an existing one, or a new file)</source>
        <translation>Ledger-Datei (eine vorhandene oder eine neue)</translation>
    </message>
    <message>
        <source>Ledgers (*.sqlite);;All files (*)</source>
        <translation>Ledger (*.sqlite);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>Countersign::MainWindow</name>
    <message>
        <source>Comparing…</source>
        <translation>Wird verglichen…</translation>
    </message>
    <message>
        <source>Alignment</source>
        <translation>Übereinstimmung</translation>
    </message>
    <message>
        <source>Open two records to compare them.</source>
        <translation>Öffnen Sie zwei Protokolle, um sie zu vergleichen.</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Rechts</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <source>Sign-off</source>
        <translation>Abzeichnung</translation>
    </message>
    <message>
        <source>Open the producer&apos;s and the consumer&apos;s record (Ctrl+O, Ctrl+Shift+O).</source>
        <translation>Öffnen Sie das Protokoll des Produzenten und das des Konsumenten (Ctrl+O, Ctrl+Shift+O).</translation>
    </message>
    <message>
        <source>Cannot open the pair</source>
        <translation>Paar kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Countersign</source>
        <translation>Countersign</translation>
    </message>
    <message>
        <source>%1 — Countersign</source>
        <translation>%1 — Countersign</translation>
    </message>
    <message>
        <source>1 difference</source>
        <translation>1 Unterschied</translation>
    </message>
    <message>
        <source>%1 differences</source>
        <translation>%1 Unterschiede</translation>
    </message>
    <message>
        <source>Compared line by line only (neither record is compared section by section: %1): %2.</source>
        <translation>Nur Zeile für Zeile verglichen (keines der Protokolle wird abschnittsweise verglichen: %1): %2.</translation>
    </message>
    <message>
        <source>Compared line by line only (the right record is not compared section by section: %1): %2.</source>
        <translation>Nur Zeile für Zeile verglichen (das rechte Protokoll wird nicht abschnittsweise verglichen: %1): %2.</translation>
    </message>
    <message>
        <source>Compared line by line only (the left record is not compared section by section: %1): %2.</source>
        <translation>Nur Zeile für Zeile verglichen (das linke Protokoll wird nicht abschnittsweise verglichen: %1): %2.</translation>
    </message>
    <message>
        <source>1 warning</source>
        <translation>1 Warnung</translation>
    </message>
    <message>
        <source>%1 warnings</source>
        <translation>%1 Warnungen</translation>
    </message>
    <message>
        <source>1 note</source>
        <translation>1 Hinweis</translation>
    </message>
    <message>
        <source>%1 notes</source>
        <translation>%1 Hinweise</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <comment>warnings and notes</comment>
        <translation>%1 und %2</translation>
    </message>
    <message>
        <source>Not comparable: %1.</source>
        <translation>Nicht vergleichbar: %1.</translation>
    </message>
    <message>
        <source>Aligned.</source>
        <translation>Übereinstimmend.</translation>
    </message>
    <message>
        <source>Aligned, with %1.</source>
        <translation>Übereinstimmend, mit %1.</translation>
    </message>
    <message>
        <source>%1 and %2 more</source>
        <translation>%1 und %2 weitere</translation>
    </message>
    <message>
        <source>1 blocking difference</source>
        <translation>1 blockierender Unterschied</translation>
    </message>
    <message>
        <source>%1 blocking differences</source>
        <translation>%1 blockierende Unterschiede</translation>
    </message>
    <message>
        <source>Not aligned: %1 (%2).</source>
        <translation>Nicht übereinstimmend: %1 (%2).</translation>
    </message>
    <message>
        <source>Not aligned: %1 (%2), %3.</source>
        <translation>Nicht übereinstimmend: %1 (%2), %3.</translation>
    </message>
    <message>
        <source>Go to Line</source>
        <translation>Gehe zu Zeile</translation>
    </message>
    <message>
        <source>&amp;Line in %1 (1 to %2):</source>
        <translation>&amp;Zeile in %1 (1 bis %2):</translation>
    </message>
    <message>
        <source>Open a record to swap the panes.</source>
        <translation>Öffnen Sie ein Protokoll, um die Seiten zu tauschen.</translation>
    </message>
    <message>
        <source>Swapped the panes: %1 is on the left now.</source>
        <translation>Seiten getauscht: %1 steht jetzt links.</translation>
    </message>
    <message>
        <source>Swapped the panes: %1 is on the right now.</source>
        <translation>Seiten getauscht: %1 steht jetzt rechts.</translation>
    </message>
</context>
<context>
    <name>Countersign::MainWindowActions</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>New &amp;Window</source>
        <translation>Neues &amp;Fenster</translation>
    </message>
    <message>
        <source>Open &amp;Left...</source>
        <translation>&amp;Linkes Protokoll öffnen...</translation>
    </message>
    <message>
        <source>Open &amp;Right...</source>
        <translation>&amp;Rechtes Protokoll öffnen...</translation>
    </message>
    <message>
        <source>Open Cutover &amp;Folders...</source>
        <translation>Umstellungs&amp;ordner öffnen...</translation>
    </message>
    <message>
        <source>Recent &amp;Pairs</source>
        <translation>Zuletzt geöffnete &amp;Paare</translation>
    </message>
    <message>
        <source>&amp;New from Template...</source>
        <translation>Neu aus &amp;Vorlage...</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save &amp;As...</source>
        <translation>Speichern &amp;unter...</translation>
    </message>
    <message>
        <source>&amp;Export Finalized Record...</source>
        <translation>Endgültiges Protokoll &amp;exportieren...</translation>
    </message>
    <message>
        <source>Export P&amp;DF...</source>
        <translation>P&amp;DF exportieren...</translation>
    </message>
    <message>
        <source>Sign-off &amp;Ledger...</source>
        <translation>Abzeichnungs-Led&amp;ger...</translation>
    </message>
    <message>
        <source>&amp;Reload from Disk</source>
        <translation>Von der Festplatte &amp;neu laden</translation>
    </message>
    <message>
        <source>&amp;Close Window</source>
        <translation>Fenster schl&amp;ießen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>No pairs opened yet</source>
        <translation>Noch keine Paare geöffnet</translation>
    </message>
    <message>
        <source>Cannot open the pair</source>
        <translation>Paar kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation>&amp;Protokoll</translation>
    </message>
    <message>
        <source>Create &amp;Mirror</source>
        <translation>&amp;Spiegel erstellen</translation>
    </message>
    <message>
        <source>Cannot create the mirror</source>
        <translation>Spiegel kann nicht erstellt werden</translation>
    </message>
    <message>
        <source>&amp;Update from Checkpoint...</source>
        <translation>Aus Checkpoint &amp;aktualisieren...</translation>
    </message>
    <message>
        <source>Residual Risk &amp;Meeting...</source>
        <translation>&amp;Restrisiko-Besprechung...</translation>
    </message>
    <message>
        <source>Residual Risk Meeting</source>
        <translation>Restrisiko-Besprechung</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <source>&amp;Next Difference</source>
        <translation>&amp;Nächster Unterschied</translation>
    </message>
    <message>
        <source>&amp;Previous Difference</source>
        <translation>&amp;Vorheriger Unterschied</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Wrap Long Lines</source>
        <translation>Lange Zeilen &amp;umbrechen</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>&amp;Vorschau</translation>
    </message>
    <message>
        <source>Scroll in &amp;Step</source>
        <translation>Synchron &amp;scrollen</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Hervorhebung</translation>
    </message>
    <message>
        <source>Follow the Palette</source>
        <translation>Der Palette folgen</translation>
    </message>
    <message>
        <source>&amp;Findings Panel</source>
        <translation>&amp;Befundleiste</translation>
    </message>
    <message>
        <source>&amp;Sign-off Panel</source>
        <translation>&amp;Abzeichnungsleiste</translation>
    </message>
    <message>
        <source>Go to Si&amp;gn-off</source>
        <translation>Zur Abzeichnun&amp;g wechseln</translation>
    </message>
    <message>
        <source>Go to F&amp;indings</source>
        <translation>Zu den Befun&amp;den wechseln</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Countersign</source>
        <translation>Ü&amp;ber Countersign</translation>
    </message>
    <message>
        <source>&amp;First Difference</source>
        <translation>&amp;Erster Unterschied</translation>
    </message>
    <message>
        <source>&amp;Last Difference</source>
        <translation>&amp;Letzter Unterschied</translation>
    </message>
    <message>
        <source>No blocking finding: nothing stops the cutover here.</source>
        <translation>Kein blockierender Befund: Hier hält nichts die Umstellung auf.</translation>
    </message>
    <message>
        <source>Blocking finding %1 of %2</source>
        <translation>Blockierender Befund %1 von %2</translation>
    </message>
    <message>
        <source>Next &amp;Blocking Finding</source>
        <translation>Nächster &amp;blockierender Befund</translation>
    </message>
    <message>
        <source>Previous Bl&amp;ocking Finding</source>
        <translation>Vorheriger bl&amp;ockierender Befund</translation>
    </message>
    <message>
        <source>Go to Li&amp;ne...</source>
        <translation>Gehe zu &amp;Zeile...</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Vergrößer&amp;n</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Reset Zoom</source>
        <translation>&amp;Originalgröße</translation>
    </message>
    <message>
        <source>&amp;%1  %2 ↔ %3   (%4 ↔ %5)</source>
        <translation>&amp;%1  %2 ↔ %3   (%4 ↔ %5)</translation>
    </message>
    <message>
        <source>&amp;Handbook</source>
        <translation>&amp;Handbuch</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>Ignore in the &amp;Diff</source>
        <translation>Im Diff &amp;ignorieren</translation>
    </message>
    <message>
        <source>Whitespace C&amp;hanges (-b)</source>
        <translation>Leerraum-Ä&amp;nderungen (-b)</translation>
    </message>
    <message>
        <source>&amp;All Whitespace (-w)</source>
        <translation>&amp;Allen Leerraum (-w)</translation>
    </message>
    <message>
        <source>&amp;Blank Lines (-B)</source>
        <translation>Leer&amp;zeilen (-B)</translation>
    </message>
    <message>
        <source>&amp;Case (-i)</source>
        <translation>Groß-/&amp;Kleinschreibung (-i)</translation>
    </message>
    <message>
        <source>No difference to copy: the sides agree line for line.</source>
        <translation>Kein Unterschied zu kopieren: Beide Seiten stimmen Zeile für Zeile überein.</translation>
    </message>
    <message>
        <source>Copy Difference to the Ri&amp;ght</source>
        <translation>Unterschied nach re&amp;chts kopieren</translation>
    </message>
    <message>
        <source>Copy Difference to the &amp;Left</source>
        <translation>Unterschied nach &amp;links kopieren</translation>
    </message>
    <message>
        <source>&amp;Find...</source>
        <translation>&amp;Suchen...</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>&amp;Nächster Treffer</translation>
    </message>
    <message>
        <source>Find &amp;Previous</source>
        <translation>&amp;Vorheriger Treffer</translation>
    </message>
    <message>
        <source>Swap P&amp;anes</source>
        <translation>Seiten &amp;tauschen</translation>
    </message>
    <message>
        <source>&amp;Color Scheme</source>
        <translation>&amp;Erscheinungsbild</translation>
    </message>
    <message>
        <source>Follow the &amp;Desktop</source>
        <translation>Wie der &amp;Desktop</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>Dar&amp;k</source>
        <translation>D&amp;unkel</translation>
    </message>
</context>
<context>
    <name>Countersign::MeetingView</name>
    <message>
        <source>Residual risk, line %1 of %2</source>
        <translation>Restrisiko, Zeile %1 in %2</translation>
    </message>
    <message>
        <source>Open item of checkpoint %2, line %1</source>
        <translation>Offener Punkt aus Checkpoint %2, Zeile %1</translation>
    </message>
    <message>
        <source>Residual Risk Review — %1</source>
        <translation>Restrisiko-Prüfung — %1</translation>
    </message>
    <message>
        <source>Meeting time</source>
        <translation>Besprechungsdauer</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>Protokolliert von</translation>
    </message>
    <message>
        <source>your name</source>
        <translation>Ihr Name</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Zurück</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Weiter ▶</translation>
    </message>
    <message>
        <source>Summary (S)</source>
        <translation>Zusammenfassung (S)</translation>
    </message>
    <message>
        <source>No sign-off ledger is open: decisions cannot be recorded.</source>
        <translation>Kein Abzeichnungs-Ledger geöffnet: Entscheidungen können nicht eingetragen werden.</translation>
    </message>
    <message>
        <source>The ledger %1 is read-only: decisions cannot be recorded.</source>
        <translation>Das Ledger %1 ist schreibgeschützt: Entscheidungen können nicht eingetragen werden.</translation>
    </message>
    <message>
        <source>Time on this item</source>
        <translation>Zeit für diesen Punkt</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Punkt</translation>
    </message>
    <message>
        <source>%1  %2</source>
        <translation>%1  %2</translation>
    </message>
    <message>
        <source>who acts on it (required for needs action)</source>
        <translation>wer sich darum kümmert (nötig bei Handlungsbedarf)</translation>
    </message>
    <message>
        <source>what the meeting said (Ctrl+Enter records)</source>
        <translation>was die Besprechung ergab (Ctrl+Enter trägt ein)</translation>
    </message>
    <message>
        <source>&amp;Owner:</source>
        <translation>&amp;Verantwortlich:</translation>
    </message>
    <message>
        <source>&amp;Due:</source>
        <translation>&amp;Fällig:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Notiz:</translation>
    </message>
    <message>
        <source>Decision recorded</source>
        <translation>Eingetragene Entscheidung</translation>
    </message>
    <message>
        <source>&amp;Record (Enter)</source>
        <translation>&amp;Eintragen (Eingabe)</translation>
    </message>
    <message>
        <source>Choose a decision first: 1 accepted, 2 mitigated, 3 needs action.</source>
        <translation>Wählen Sie zuerst eine Entscheidung: 1 akzeptiert, 2 gemindert, 3 Handlungsbedarf.</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Verantwortlich</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <source>Review items</source>
        <translation>Prüfpunkte</translation>
    </message>
    <message>
        <source> (carried over)</source>
        <translation> (übernommen)</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>Item %1 of %2 · %3</source>
        <translation>Punkt %1 von %2 · %3</translation>
    </message>
    <message>
        <source>↻ Carried over from the previous record</source>
        <translation>↻ Aus dem vorherigen Protokoll übernommen</translation>
    </message>
    <message>
        <source>Decided on an earlier version of the record</source>
        <translation>Zu einer früheren Version des Protokolls entschieden</translation>
    </message>
    <message>
        <source>%1 — recorded by %2 at %3 UTC</source>
        <translation>%1 — protokolliert von %2 am %3 UTC</translation>
    </message>
    <message>
        <source>Not decided yet.</source>
        <translation>Noch nicht entschieden.</translation>
    </message>
    <message>
        <source>Needs action: name the owner and the due date, then press Enter.</source>
        <translation>Handlungsbedarf: Nennen Sie die verantwortliche Person und das Fälligkeitsdatum und drücken Sie dann die Eingabetaste.</translation>
    </message>
    <message>
        <source>Not recorded: no writable sign-off ledger is open.</source>
        <translation>Nicht eingetragen: Es ist kein beschreibbares Abzeichnungs-Ledger geöffnet.</translation>
    </message>
    <message>
        <source>Not recorded: type your name in &quot;Recorded by&quot; first.</source>
        <translation>Nicht eingetragen: Geben Sie zuerst Ihren Namen unter „Protokolliert von“ ein.</translation>
    </message>
    <message>
        <source>Not recorded: %1</source>
        <translation>Nicht eingetragen: %1</translation>
    </message>
    <message>
        <source>Recorded: item %1 %2.</source>
        <translation>Eingetragen: Punkt %1 %2.</translation>
    </message>
    <message>
        <source>Meeting %1</source>
        <translation>Besprechung %1</translation>
    </message>
    <message>
        <source>This item %1</source>
        <translation>Dieser Punkt %1</translation>
    </message>
    <message>
        <source>this record</source>
        <translation>dieses Protokoll</translation>
    </message>
    <message>
        <source>Who records the decisions of this meeting?</source>
        <translation>Wer protokolliert die Entscheidungen dieser Besprechung?</translation>
    </message>
    <message>
        <source>Start the meeting (Enter)</source>
        <translation>Besprechung beginnen (Eingabe)</translation>
    </message>
    <message>
        <source>Then: 1 accepted, 2 mitigated, 3 needs action; Left/Right move between items; S shows the summary.</source>
        <translation>Dann: 1 akzeptiert, 2 gemindert, 3 Handlungsbedarf; Links/Rechts wechseln zwischen den Punkten; S zeigt die Zusammenfassung.</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>JJJJ-MM-TT</translation>
    </message>
    <message>
        <source>Type the name of who records the decisions (&quot;Recorded by&quot;) first.</source>
        <translation>Geben Sie zuerst den Namen dessen ein, der die Entscheidungen protokolliert („Protokolliert von“).</translation>
    </message>
    <message>
        <source>Recorded by %1</source>
        <translation>Protokolliert von %1</translation>
    </message>
    <message>
        <source>Not recorded: the due date must be a date such as 2026-12-21.</source>
        <translation>Nicht eingetragen: Das Fälligkeitsdatum muss ein Datum wie 2026-12-21 sein.</translation>
    </message>
    <message>
        <source>Not recorded yet: %1</source>
        <translation>Noch nicht eingetragen: %1</translation>
    </message>
</context>
<context>
    <name>Countersign::PairChooserDialog</name>
    <message>
        <source>Choose a Pair of Records</source>
        <translation>Protokollpaar auswählen</translation>
    </message>
    <message>
        <source>Scanned folders</source>
        <translation>Durchsuchte Ordner</translation>
    </message>
    <message>
        <source>&amp;Pairs found, by cutover date (the producer&apos;s document opens on the left):</source>
        <translation>Gefundene &amp;Paare, nach Umstellungsdatum (das Protokoll des Produzenten öffnet sich links):</translation>
    </message>
    <message>
        <source>Pairs of records</source>
        <translation>Protokollpaare</translation>
    </message>
    <message>
        <source>Current row</source>
        <translation>Aktuelle Zeile</translation>
    </message>
    <message>
        <source>Files that could not be read</source>
        <translation>Nicht lesbare Dateien</translation>
    </message>
    <message>
        <source>Open the pair</source>
        <translation>Paar öffnen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Producer&apos;s folder: %1
Consumer&apos;s folder: %2</source>
        <translation>Ordner des Produzenten: %1
Ordner des Konsumenten: %2</translation>
    </message>
    <message>
        <source>1 file could not be read:</source>
        <translation>1 Datei konnte nicht gelesen werden:</translation>
    </message>
    <message>
        <source>%1 files could not be read:</source>
        <translation>%1 Dateien konnten nicht gelesen werden:</translation>
    </message>
    <message>
        <source>No decision records, mirrors or checkpoint packets were found in these folders.</source>
        <translation>In diesen Ordnern wurden keine Entscheidungsprotokolle, Spiegel oder Checkpoint-Pakete gefunden.</translation>
    </message>
    <message>
        <source>Choose a pair of the cutover of %1 below.</source>
        <translation>Wählen Sie unten ein Paar der Umstellung %1 aus.</translation>
    </message>
    <message>
        <source>Opens %1 on the left and %2 on the right.</source>
        <translation>Öffnet %1 links und %2 rechts.</translation>
    </message>
    <message>
        <source>Only %1 was found for %2: %3. It has nothing to be compared with.</source>
        <translation>Für %2 wurde nur %1 gefunden: %3. Es gibt nichts, womit es verglichen werden könnte.</translation>
    </message>
    <message>
        <source>Pairs of records grouped by cutover date, each with its state. Rows marked unpaired have only one side and cannot be opened. A finalized export is listed below its pair.</source>
        <translation>Protokollpaare, nach Umstellungsdatum gruppiert, jeweils mit ihrem Zustand. Als ungepaart markierte Zeilen haben nur eine Seite und können nicht geöffnet werden. Ein finalisierter Export steht unter seinem Paar.</translation>
    </message>
    <message>
        <source>Opens %1 on the left and its finalized export %2 on the right.</source>
        <translation>Öffnet %1 links und seinen finalisierten Export %2 rechts.</translation>
    </message>
</context>
<context>
    <name>Countersign::RecordPane</name>
    <message>
        <source>%1 sections</source>
        <translation>%1: Abschnitte</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Abschnitte</translation>
    </message>
    <message>
        <source>%1: no record open</source>
        <translation>%1: kein Protokoll geöffnet</translation>
    </message>
    <message>
        <source>%1 record</source>
        <translation>%1: Protokoll</translation>
    </message>
    <message>
        <source>%1 lines</source>
        <translation>%1 Zeilen</translation>
    </message>
    <message>
        <source>%1, %2 side, %3 lines, digest %4</source>
        <translation>%1, Seite %2, %3 Zeilen, Prüfsumme %4</translation>
    </message>
    <message>
        <source>%1: %2 — %3</source>
        <translation>%1: %2 — %3</translation>
    </message>
    <message>
        <source>%1 (not saved yet)</source>
        <translation>%1 (noch nicht gespeichert)</translation>
    </message>
    <message>
        <source>%1 (unsaved edits)</source>
        <translation>%1 (ungespeicherte Änderungen)</translation>
    </message>
    <message>
        <source>%1 — changed on disk: File &gt; Reload loads it, Save keeps yours</source>
        <translation>%1 — auf der Festplatte geändert: Datei &gt; Neu laden lädt sie, Speichern behält Ihre Fassung</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>No file to save to: use Save As.</source>
        <translation>Keine Datei zum Speichern: Verwenden Sie „Speichern unter“.</translation>
    </message>
    <message>
        <source>%1: cannot be saved: %2</source>
        <translation>%1: kann nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>%1 preview</source>
        <translation>%1: Vorschau</translation>
    </message>
    <message>
        <source>%1 lines, not compared section by section (%2)</source>
        <translation>%1 Zeilen, nicht abschnittsweise verglichen (%2)</translation>
    </message>
</context>
<context>
    <name>Countersign::RiskSummaryChart</name>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Risk summary</source>
        <translation>Risikoübersicht</translation>
    </message>
    <message>
        <source>%1 of %2 decided: %3 accepted, %4 mitigated, %5 need action, %6 open</source>
        <translation>%1 von %2 entschieden: %3 akzeptiert, %4 gemindert, %5 mit Handlungsbedarf, %6 offen</translation>
    </message>
    <message>
        <source>decided</source>
        <translation>entschieden</translation>
    </message>
    <message>
        <source>%1 carried over</source>
        <translation>%1 übernommen</translation>
    </message>
</context>
<context>
    <name>Countersign::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>&amp;Filter:</translation>
    </message>
    <message>
        <source>an entry or a key, e.g. F7 or blocking</source>
        <translation>ein Eintrag oder eine Taste, z. B. F7 oder blockierend</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
</context>
<context>
    <name>Countersign::SignOffController</name>
    <message>
        <source>Sign-off recorded in %1</source>
        <translation>Abzeichnung in %1 eingetragen</translation>
    </message>
    <message>
        <source>Sign-off ledger unavailable: %1</source>
        <translation>Abzeichnungs-Ledger nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>Cannot use that ledger</source>
        <translation>Dieses Ledger kann nicht verwendet werden</translation>
    </message>
    <message>
        <source>Sign-offs are now recorded in %1</source>
        <translation>Abzeichnungen werden jetzt in %1 eingetragen</translation>
    </message>
    <message>
        <source>Open a record first.</source>
        <translation>Öffnen Sie zuerst ein Protokoll.</translation>
    </message>
    <message>
        <source>%1 has unsaved edits: save it first, so that the export is of the file that was signed.</source>
        <translation>%1 hat ungespeicherte Änderungen: Speichern Sie zuerst, damit genau die abgezeichnete Datei exportiert wird.</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>%1 exportiert</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>PDF exportieren</translation>
    </message>
    <message>
        <source>Export Finalized Record</source>
        <translation>Endgültiges Protokoll exportieren</translation>
    </message>
    <message>
        <source>PDF handouts (*.pdf)</source>
        <translation>PDF-Handouts (*.pdf)</translation>
    </message>
    <message>
        <source>Markdown records (*.md)</source>
        <translation>Markdown-Protokolle (*.md)</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>Exportieren nicht möglich</translation>
    </message>
    <message>
        <source>Open a decision record first: the meeting walks its residual risks.</source>
        <translation>Öffnen Sie zuerst ein Entscheidungsprotokoll: Die Besprechung geht dessen Restrisiken durch.</translation>
    </message>
    <message>
        <source>Save the record first: its review is kept with its file.</source>
        <translation>Speichern Sie zuerst das Protokoll: Seine Prüfung wird zusammen mit seiner Datei aufbewahrt.</translation>
    </message>
    <message>
        <source>%1 has no residual risks, and its decision inputs name no checkpoint with open items.</source>
        <translation>%1 hat keine Restrisiken, und seine Entscheidungsgrundlagen nennen keinen Checkpoint mit offenen Punkten.</translation>
    </message>
    <message>
        <source>Residual risk review: %1</source>
        <translation>Restrisiko-Prüfung: %1</translation>
    </message>
    <message>
        <source>The record is not final. Still open:
%1

Export it with a &quot;NOT FINAL: open sign-offs&quot; banner?</source>
        <translation>Das Protokoll ist nicht endgültig. Noch offen:
%1

Mit dem Banner „NICHT ENDGÜLTIG: offene Abzeichnungen“ exportieren?</translation>
    </message>
    <message>
        <source>Every role approved, but %1 of the %2 residual risks and open items have no decision from a risk meeting: the export lists them as open.

Export anyway?</source>
        <translation>Alle Rollen haben zugestimmt, aber %1 der %2 Restrisiken und offenen Punkte haben keine Entscheidung aus einer Risikobesprechung: Der Export führt sie als offen.

Trotzdem exportieren?</translation>
    </message>
    <message>
        <source>(server user %1)</source>
        <translation>(Serverbenutzer %1)</translation>
    </message>
    <message>
        <source>Ledger offline — reconnecting</source>
        <translation>Ledger offline — neue Verbindung wird aufgebaut</translation>
    </message>
    <message>
        <source>Ledger back online: %1</source>
        <translation>Ledger wieder erreichbar: %1</translation>
    </message>
    <message>
        <source>%1 just approved: %2</source>
        <translation>%1 hat soeben zugestimmt: %2</translation>
    </message>
    <message>
        <source>%1 just rejected: %2</source>
        <translation>%1 hat soeben abgelehnt: %2</translation>
    </message>
    <message>
        <source>%1 just withdrew: %2</source>
        <translation>%1 hat soeben zurückgezogen: %2</translation>
    </message>
    <message>
        <source>The ledger server is not answering — waiting</source>
        <translation>Der Ledger-Server antwortet nicht — es wird gewartet</translation>
    </message>
    <message>
        <source>the ledger server has not answered for %1 s</source>
        <translation>der Ledger-Server hat seit %1 s nicht geantwortet</translation>
    </message>
    <message>
        <source>Countersign: a sign-off was recorded</source>
        <translation>Countersign: eine Abzeichnung wurde eingetragen</translation>
    </message>
</context>
<context>
    <name>Countersign::SignOffDialog</name>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Signer</source>
        <translation>Unterzeichner</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Ihr Name</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Why (needed to reject or withdraw)</source>
        <translation>Begründung (nötig zum Ablehnen oder Zurückziehen)</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Zustimmen</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>A&amp;blehnen</translation>
    </message>
    <message>
        <source>&amp;Withdraw</source>
        <translation>Zu&amp;rückziehen</translation>
    </message>
    <message>
        <source>Decision:</source>
        <translation>Entscheidung:</translation>
    </message>
    <message>
        <source>&amp;Comment:</source>
        <translation>&amp;Kommentar:</translation>
    </message>
    <message>
        <source>decision record</source>
        <translation>Entscheidungsprotokoll</translation>
    </message>
    <message>
        <source>producer mirror</source>
        <translation>Spiegel des Produzenten</translation>
    </message>
    <message>
        <source>checkpoint packet</source>
        <translation>Checkpoint-Paket</translation>
    </message>
    <message>
        <source>addendum</source>
        <translation>Nachtrag</translation>
    </message>
    <message>
        <source>record of unknown kind</source>
        <translation>Protokoll unbekannter Art</translation>
    </message>
    <message>
        <source>producer side</source>
        <translation>Seite des Produzenten</translation>
    </message>
    <message>
        <source>consumer side</source>
        <translation>Seite des Konsumenten</translation>
    </message>
    <message>
        <source>side unknown</source>
        <translation>Seite unbekannt</translation>
    </message>
    <message>
        <source>&amp;Sign</source>
        <translation>&amp;Abzeichnen</translation>
    </message>
    <message>
        <source>Sa&amp;ve and Sign</source>
        <translation>&amp;Speichern und abzeichnen</translation>
    </message>
    <message>
        <source>Sign Off — %1</source>
        <translation>Abzeichnen — %1</translation>
    </message>
    <message>
        <source>%1 — %2, %3</source>
        <translation>%1 — %2, %3</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>%1, held by %2</source>
        <translation>%1, Inhaber: %2</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>Prüfsumme</translation>
    </message>
    <message>
        <source>SHA-256 of the file&apos;s canonical content, read from disk again when you sign</source>
        <translation>SHA-256 des kanonischen Inhalts der Datei, beim Abzeichnen erneut von der Festplatte gelesen</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Record:</source>
        <translation>Protokoll:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Rolle:</translation>
    </message>
    <message>
        <source>Digest:</source>
        <translation>Prüfsumme:</translation>
    </message>
    <message>
        <source>Signer &amp;name:</source>
        <translation>&amp;Name des Zeichnenden:</translation>
    </message>
    <message>
        <source>Save first: %1 has unsaved edits, and a sign-off signs the file as saved. Save and Sign saves it, then signs what was saved.</source>
        <translation>Zuerst speichern: %1 hat ungespeicherte Änderungen, und eine Abzeichnung zeichnet die gespeicherte Datei. „Speichern und abzeichnen“ speichert sie und zeichnet dann das Gespeicherte ab.</translation>
    </message>
    <message>
        <source>The file changed on disk since this dialog was opened: the digest above is of its content now. Nothing was signed; look at the record again, then Sign.</source>
        <translation>Die Datei wurde auf der Festplatte geändert, seit dieser Dialog geöffnet wurde: Die Prüfsumme oben ist die ihres jetzigen Inhalts. Nichts wurde abgezeichnet; sehen Sie sich das Protokoll noch einmal an und zeichnen Sie dann ab.</translation>
    </message>
</context>
<context>
    <name>Countersign::SignOffHistoryModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Signer</source>
        <translation>Unterzeichner</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>Prüfsumme</translation>
    </message>
    <message>
        <source>unsigned</source>
        <translation>unsigniert</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1, unreadable signature</source>
        <translation>%1, unlesbare Signatur</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Signatur</translation>
    </message>
</context>
<context>
    <name>Countersign::SignOffModel</name>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Zugestimmt</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Stale (content changed)</source>
        <translation>Veraltet (Inhalt geändert)</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>Inhaber</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Signer</source>
        <translation>Unterzeichner</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>Prüfsumme</translation>
    </message>
    <message>
        <source>Signed: %1</source>
        <translation>Signiert: %1</translation>
    </message>
    <message>
        <source>Unsigned</source>
        <translation>Unsigniert</translation>
    </message>
    <message>
        <source>invalid signature: %1</source>
        <translation>ungültige Signatur: %1</translation>
    </message>
    <message>
        <source>unsigned, not counted</source>
        <translation>unsigniert, nicht gezählt</translation>
    </message>
    <message>
        <source>%1; later %2</source>
        <translation>%1; später %2</translation>
    </message>
    <message>
        <source>Not counted: %1 (%2 at %3)</source>
        <translation>Nicht gezählt: %1 (%2 um %3)</translation>
    </message>
    <message>
        <source>Signed by %1 with the key %2</source>
        <translation>Signiert von %1 mit dem Schlüssel %2</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Signatur</translation>
    </message>
    <message>
        <source>%1 (server user %2)</source>
        <translation>%1 (Serverbenutzer %2)</translation>
    </message>
    <message>
        <source>(copied by %1)</source>
        <translation>(kopiert von %1)</translation>
    </message>
</context>
<context>
    <name>Countersign::SignOffPanel</name>
    <message>
        <source>Sign-offs</source>
        <translation>Abzeichnungen</translation>
    </message>
    <message>
        <source>Sign off</source>
        <translation>Abzeichnen</translation>
    </message>
    <message>
        <source>Sign-off history</source>
        <translation>Abzeichnungsverlauf</translation>
    </message>
    <message>
        <source>Open a record to see its sign-offs.</source>
        <translation>Öffnen Sie ein Protokoll, um seine Abzeichnungen zu sehen.</translation>
    </message>
    <message>
        <source>%1 is large: its sign-offs show once it has been compared with the other side.</source>
        <translation>%1 ist groß: Seine Abzeichnungen erscheinen, sobald es mit der anderen Seite verglichen wurde.</translation>
    </message>
    <message>
        <source>%1 names no roles (its Ownership section lists them).</source>
        <translation>%1 nennt keine Rollen (sie stehen in seinem Abschnitt „Ownership“).</translation>
    </message>
    <message>
        <source>%1: final — every role approved this content (%2).</source>
        <translation>%1: endgültig — alle Rollen haben diesem Inhalt zugestimmt (%2).</translation>
    </message>
    <message>
        <source>%1: not final — %2.</source>
        <translation>%1: nicht endgültig — %2.</translation>
    </message>
    <message>
        <source>Sign-off ledger unavailable, read only: %1</source>
        <translation>Abzeichnungs-Ledger nicht verfügbar, nur Lesezugriff: %1</translation>
    </message>
    <message>
        <source>The ledger %1 is read-only: sign-offs are shown, not recorded.</source>
        <translation>Das Ledger %1 ist schreibgeschützt: Abzeichnungen werden angezeigt, aber nicht eingetragen.</translation>
    </message>
    <message>
        <source>Sign-offs cannot be recorded now: %1</source>
        <translation>Abzeichnungen können derzeit nicht eingetragen werden: %1</translation>
    </message>
    <message>
        <source>no writable ledger or record</source>
        <translation>kein beschreibbares Ledger oder Protokoll</translation>
    </message>
    <message>
        <source>Sign-off History — %1</source>
        <translation>Abzeichnungsverlauf — %1</translation>
    </message>
    <message>
        <source>Sig&amp;n...</source>
        <translation>Abzeich&amp;nen...</translation>
    </message>
    <message>
        <source>H&amp;istory...</source>
        <translation>&amp;Verlauf...</translation>
    </message>
    <message>
        <source>Save first: %1 has unsaved edits, and a sign-off signs the file as saved.</source>
        <translation>Zuerst speichern: %1 hat ungespeicherte Änderungen, und eine Abzeichnung zeichnet die gespeicherte Datei.</translation>
    </message>
    <message>
        <source>Cannot sign off</source>
        <translation>Abzeichnen nicht möglich</translation>
    </message>
    <message>
        <source>this record cannot be saved from here</source>
        <translation>dieses Protokoll kann hier nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Not saved, nothing signed: %1</source>
        <translation>Nicht gespeichert, nichts abgezeichnet: %1</translation>
    </message>
    <message>
        <source>Nothing signed: %1</source>
        <translation>Nichts abgezeichnet: %1</translation>
    </message>
    <message>
        <source>Not recorded: %1</source>
        <translation>Nicht eingetragen: %1</translation>
    </message>
    <message>
        <source>UNTRUSTED LEDGER — what it holds is shown, nothing is signed into or exported from it: %1</source>
        <translation>LEDGER NICHT VERTRAUENSWÜRDIG — sein Inhalt wird gezeigt, aber nichts wird darin abgezeichnet oder daraus exportiert: %1</translation>
    </message>
    <message>
        <source>The trust folder cannot be used, nothing is signed: %1</source>
        <translation>Der Vertrauensordner ist nicht nutzbar, nichts wird abgezeichnet: %1</translation>
    </message>
    <message>
        <source>Ledger offline — reconnecting: %1</source>
        <translation>Ledger offline — neue Verbindung wird aufgebaut: %1</translation>
    </message>
    <message>
        <source>The ledger&apos;s server is out of reach, so nothing is signed until it is back: %1</source>
        <translation>Der Server des Ledgers ist nicht erreichbar; bis er zurück ist, wird nichts unterzeichnet: %1</translation>
    </message>
    <message>
        <source>Ledger server not answering — waiting: %1</source>
        <translation>Ledger-Server antwortet nicht — es wird gewartet: %1</translation>
    </message>
    <message>
        <source>%1 is a draft: save it (Ctrl+S) to sign it off; a sign-off is of a file on disk.</source>
        <translation>%1 ist ein Entwurf: Speichern Sie ihn (Ctrl+S), um ihn abzuzeichnen; abgezeichnet wird eine Datei auf der Festplatte.</translation>
    </message>
</context>
<context>
    <name>Countersign::StartPage</name>
    <message>
        <source>Compare the producer&apos;s and the consumer&apos;s record</source>
        <translation>Das Protokoll des Produzenten mit dem des Konsumenten vergleichen</translation>
    </message>
    <message>
        <source>Open both teams&apos; folders to pair their records by cutover, or two files; drop files here to open them.</source>
        <translation>Öffnen Sie die Ordner beider Teams, um ihre Protokolle nach Umstellung zu paaren, oder zwei Dateien; hierher gezogene Dateien werden geöffnet.</translation>
    </message>
    <message>
        <source>Open &amp;Cutover Folders...</source>
        <translation>&amp;Umstellungsordner öffnen...</translation>
    </message>
    <message>
        <source>Open &amp;Left...</source>
        <translation>&amp;Linkes Protokoll öffnen...</translation>
    </message>
    <message>
        <source>Open Righ&amp;t...</source>
        <translation>Rech&amp;tes Protokoll öffnen...</translation>
    </message>
    <message>
        <source>&amp;New from Template...</source>
        <translation>&amp;Neu aus Vorlage...</translation>
    </message>
    <message>
        <source>Recent &amp;pairs (Enter opens):</source>
        <translation>Zuletzt geöffnete Paa&amp;re (Eingabe öffnet):</translation>
    </message>
    <message>
        <source>Recent pairs</source>
        <translation>Zuletzt geöffnete Paare</translation>
    </message>
    <message>
        <source>%1 ↔ %2
%3 ↔ %4</source>
        <translation>%1 ↔ %2
%3 ↔ %4</translation>
    </message>
    <message>
        <source>No pairs opened yet.</source>
        <translation>Noch keine Paare geöffnet.</translation>
    </message>
</context>
<context>
    <name>Countersign::TemplateDialog</name>
    <message>
        <source>New from Template</source>
        <translation>Neu aus Vorlage</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Vorlagen</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Erstellen</translation>
    </message>
    <message>
        <source>%1 (%2). Fill in these values; the record opens in the pane as a draft, its other sections ready to complete.</source>
        <translation>%1 (%2). Füllen Sie diese Werte aus; das Protokoll öffnet sich im Bereich als Entwurf, seine übrigen Abschnitte bereit zum Ausfüllen.</translation>
    </message>
    <message>
        <source>%1 *</source>
        <translation>%1 *</translation>
    </message>
</context>
<context>
    <name>Countersign::TextView</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Ausschneiden</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Einfügen</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>Alles a&amp;uswählen</translation>
    </message>
</context>
</TS>
