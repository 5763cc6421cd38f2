#include "base/i18n.h"

#include <limits.h>
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef TWINHALL_LOCALEDIR
#define TWINHALL_LOCALEDIR "/usr/local/share/locale"
#endif

/* A locale name that asks for no language of its own. */
static bool plain(const char *s)
{
	return !s || !*s || strcmp(s, "C") == 0 || strcmp(s, "POSIX") == 0 ||
	       strncmp(s, "C.", 2) == 0;
}

/* The language the environment asks for ("ru" of "ru_RU.UTF-8"), into
 * out; "" when it asks for none. */
static void wanted(char *out, size_t size)
{
	static const char *const vars[] = {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"};
	out[0] = 0;
	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = getenv(vars[i]);
		if (!v || !*v)
			continue;
		if (!plain(v))
			snprintf(out, size, "%.*s", (int)strcspn(v, "_.@:"), v);
		return; /* the first one set decides, as in gettext */
	}
}

/* The catalogue beside the program (build/locale, uninstalled) or the
 * installed one. */
static void catalogue(char *out, size_t size)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	struct stat st;
	if (n > 0) {
		exe[n] = 0;
		char *slash = strrchr(exe, '/');
		if (slash) {
			*slash = 0;
			snprintf(out, size, "%.*s/locale", (int)(size - 8), exe);
			if (stat(out, &st) == 0 && S_ISDIR(st.st_mode))
				return;
		}
	}
	snprintf(out, size, "%s", TWINHALL_LOCALEDIR);
}

void i18n_init(const char *lang)
{
	char want[32];
	wanted(want, sizeof want);
	if (lang)
		snprintf(want, sizeof want, "%s", lang);
	const char *got = setlocale(LC_ALL, "");
	/* Without that locale on the system (or in C) gettext would not
	 * translate at all; C.UTF-8 with LANGUAGE set does. */
	if (plain(got) || !got)
		setlocale(LC_ALL, "C.UTF-8");
	setlocale(LC_NUMERIC, "C"); /* numbers as YAML and the trace write them */
	if (*want)
		setenv("LANGUAGE", want, 1);
	char dir[PATH_MAX];
	catalogue(dir, sizeof dir);
	bindtextdomain("twinhall", dir);
	bind_textdomain_codeset("twinhall", "UTF-8");
	textdomain("twinhall");
}
