/* i18n: the words staff and the person who installs the PC read (--check,
 * the journal, the staff panel, --help) in their language, through GNU
 * gettext: English in the code, Russian in po/ru.po, the catalogue built
 * by the Makefile into build/locale and installed into share/locale.
 *
 * The content's problems and the journal are translated where they are
 * formatted (diag_add, content_fields_error and _warning, log_*), so their
 * callers write plain English format strings; everything else is marked
 * with _() or, in a table, N_() and translated where it is used. What
 * visitors read is not here: it follows the screen's language (ui_text). */
#ifndef TWINHALL_I18N_H
#define TWINHALL_I18N_H

#include <libintl.h>

#define _(s)  gettext(s)
#define N_(s) (s)

/* Picks the messages' language and opens the catalogue; call once, before
 * any thread starts. lang ("ru", "en") overrides the environment; NULL
 * follows it (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), even on a system
 * where that locale was never generated (a fresh Debian has only C.UTF-8):
 * LANG=ru_RU.UTF-8 means Russian. */
void i18n_init(const char *lang);

#endif
