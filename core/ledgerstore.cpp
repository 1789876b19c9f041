#include "ledgerstore.h"

namespace Countersign {

std::optional<ChainBreak> LedgerStore::verifyChain(const QList<SignOffEntry> &entries)
{
    QString previous;
    qint64 previousId = 0;
    for (const SignOffEntry &entry : entries) {
        if (entry.id != previousId + 1)
            return ChainBreak{
                entry.id, QStringLiteral("entry %1 follows entry %2").arg(entry.id).arg(previousId)};
        if (entry.previousHash != previous)
            return ChainBreak{entry.id, QStringLiteral("its link to the entry before does not match")};
        if (entry.computeHash() != entry.hash)
            return ChainBreak{
                entry.id, QStringLiteral("its fields do not match its hash (changed after signing)")};
        previous = entry.hash;
        previousId = entry.id;
    }
    return std::nullopt;
}

} // namespace Countersign
