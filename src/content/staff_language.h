/* staff_language: the language the hall speaks to staff in (the journal,
 * the panel), hall.yaml's `staff_language`, read on its own before
 * anything else starts: messages are translated from the first one. */
#ifndef TWINHALL_STAFF_LANGUAGE_H
#define TWINHALL_STAFF_LANGUAGE_H

#include <stdbool.h>

/* The languages there are messages in; the first is the default. */
#define STAFF_LANGUAGES "ru", "en"

/* Whether code is one of STAFF_LANGUAGES. */
bool staff_language_known(const char *code);

/* The content folder dir's staff language: hall.yaml's `staff_language`
 * when it is one we have, else the default ("ru"), also when hall.yaml is
 * missing or broken (the full load says what is wrong). Static storage. */
const char *staff_language_of(const char *dir);

#endif
