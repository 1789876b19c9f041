# SPDX-FileCopyrightText: 2026 Countersign contributors
# SPDX-License-Identifier: MIT

# cmake -DTS=FILE -P tscomplete.cmake: fails when the translation FILE has a message without its
# translation (lupdate marks a new or changed string type="unfinished"), naming how many and the first.
file(READ "${TS}" text)
string(REGEX MATCHALL "<source>[^<]*</source>[^<]*<translation type=\"unfinished\"" unfinished "${text}")
list(LENGTH unfinished count)
if(count GREATER 0)
    list(GET unfinished 0 first)
    string(REGEX REPLACE "<translation.*" "" first "${first}")
    message(FATAL_ERROR "${TS}: ${count} messages are not translated, the first: ${first}")
endif()
string(FIND "${text}" "type=\"unfinished\"" any)
if(NOT any EQUAL -1)
    message(FATAL_ERROR "${TS}: a message is not translated (type=\"unfinished\")")
endif()
message(STATUS "${TS}: every message is translated")
