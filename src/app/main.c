/* twinhall: the program of the Twinned Cities Hall, Perm. */
#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/i18n.h"
#include "base/log.h"
#include "app/app.h"
#include "base/bigalloc.h"
#include "content/content.h"
#include "content/diag.h"
#include "content/staff_language.h"
#include "live/snapshot.h"
#include "app/options.h"
#include "app/screenshot.h"
#include "app/screen_power_probe.h"
#include "app/signals.h"
#include "text/rulebook.h"

#ifndef TWINHALL_CONTENT_DIR
#define TWINHALL_CONTENT_DIR "/var/lib/twinhall/content"
#endif

/* The content directory: as given, else ./content, else the installed one. */
static const char *content_dir(const struct options *o)
{
	struct stat st;
	if (o->content_dir)
		return o->content_dir;
	if (stat("content/hall.yaml", &st) == 0)
		return "content";
	return TWINHALL_CONTENT_DIR;
}

/* The hall's staff language: hall.yaml's, or the last good copy's while
 * the content folder is not there (a share not mounted yet). */
static const char *run_language(const struct options *o, const char *dir)
{
	struct stat st;
	char state[PATH_MAX], copy[PATH_MAX];
	if (stat(dir, &st) == 0 || snapshot_state_dir(o->state_dir, state, sizeof state) != 0)
		return staff_language_of(dir);
	snapshot_path(state, copy, sizeof copy);
	return staff_language_of(copy);
}

/* --check: every problem, then a one-line verdict. */
static int run_check(const struct options *o, const char *dir, struct content *c, struct diag *d)
{
	diag_print(d, stdout, dir);
	size_t errors = diag_count(d, DIAG_ERROR), warnings = diag_count(d, DIAG_WARNING);
	if (c && c->hall.hours.set && c->hall.display_power != DISPLAY_POWER_BLACK) {
		char power[768];
		if (c->hall.display_power == DISPLAY_POWER_CEC)
			screen_power_probe_cec(o->cec_library, power, sizeof power);
		else
			screen_power_probe(power, sizeof power);
		printf(_("screen power: %s\n"), power);
	}
	if (c) { /* the rule book gives no content when it found an error */
		size_t cities, photos, history, gifts;
		content_counts(c, &cities, &photos, &history, &gifts);
		printf(_("%s: ok: "), dir);
		printf(ngettext("%zu city", "%zu cities", cities), cities);
		printf(", ");
		printf(ngettext("%zu photo", "%zu photos", photos), photos);
		printf(", ");
		printf(ngettext("%zu history entry", "%zu history entries", history), history);
		printf(", ");
		printf(ngettext("%zu gift", "%zu gifts", gifts), gifts);
		if (warnings) {
			printf(", ");
			printf(ngettext("%zu warning", "%zu warnings", warnings), warnings);
		}
		printf("\n");
		return 0;
	}
	printf("%s: ", dir);
	printf(ngettext("%zu error", "%zu errors", errors), errors);
	printf(", ");
	printf(ngettext("%zu warning", "%zu warnings", warnings), warnings);
	printf("%s\n", _(": the hall cannot show this content"));
	return 1;
}

static int pick_lang(const struct options *o, const struct content *c, int *lang)
{
	*lang = 0;
	if (!o->lang)
		return 0;
	*lang = content_lang_index(c, o->lang);
	if (*lang >= 0)
		return 0;
	fprintf(stderr, _("twinhall: --lang %s: the content's languages are"), o->lang);
	for (int i = 0; i < c->hall.n_langs; i++)
		fprintf(stderr, " %s", c->hall.langs[i]);
	fprintf(stderr, "\n");
	return 2;
}

/* --screenshot, or the window. Without valid content a screenshot fails
 * (exit 1) while the window shows a notice and waits for a fix. */
static int show(const struct options *o, const char *dir, struct content **c, struct diag **d)
{
	int lang = 0, rc = *c ? pick_lang(o, *c, &lang) : 0;
	if (rc)
		return rc;
	if (!TTF_WasInit()) {
		log_error("cannot start SDL_ttf: %s", TTF_GetError());
		return 1;
	}
	IMG_Init(IMG_INIT_JPG | IMG_INIT_PNG | IMG_INIT_WEBP);
	if (o->mode == MODE_SCREENSHOT && strcmp(o->at, "notice") == 0)
		rc = screenshot_notice(o, *d);
	else if (o->mode == MODE_SCREENSHOT && strcmp(o->at, "panel") == 0)
		rc = screenshot_panel(o, dir, *c, *d);
	else if (o->mode == MODE_SCREENSHOT)
		rc = screenshot_run(o, *c, lang);
	else
		rc = app_run(o, dir); /* it loads dir itself, through its own store */
	IMG_Quit();
	return rc;
}

int main(int argc, char **argv)
{
	struct options o;
	char err[256];
	signals_guard_stdio(); /* first: before any file or socket is opened */
	bigalloc_install();
	i18n_init(NULL);
	if (options_parse(argc, argv, &o, err, sizeof err) != 0 ||
	    options_allow_test_hooks(&o, getenv("TWINHALL_TEST_HOOKS"), err, sizeof err) != 0) {
		fprintf(stderr, "twinhall: %s\n", err); /* options translates its own words */
		return 2;
	}
	if (o.mode == MODE_HELP) {
		fputs(_(options_usage()), stdout);
		return 0;
	}
	if (o.mode == MODE_VERSION) {
		printf("twinhall %s\n", TWINHALL_VERSION);
		return 0;
	}
	const char *dir = content_dir(&o);
	/* The hall speaks to staff in hall.yaml's language, --check and
	 * screenshots in the language of whoever runs them. */
	if (o.mode == MODE_RUN)
		i18n_init(run_language(&o, dir));
	/* The rule book checks the text with fonts; the window and
	 * screenshots draw with them. Without them --check says so. */
	int ttf = TTF_Init() == 0;
	struct diag *d = diag_new();
	/* The window loads the content itself, through its store (live.h). */
	struct content *c = d && o.mode != MODE_RUN ? rulebook_load(dir, d) : NULL;
	int rc;
	if (o.mode == MODE_RUN) {
		rc = show(&o, dir, &c, &d);
	} else if (o.mode == MODE_CHECK) {
		rc = run_check(&o, dir, c, d);
	} else {
		diag_log(d, stderr, dir);
		if (!c)
			log_error("%s has errors (run twinhall --check %s)", dir, dir);
		int notice = o.mode == MODE_SCREENSHOT &&
		             (strcmp(o.at, "notice") == 0 || strcmp(o.at, "panel") == 0);
		rc = !c && o.mode == MODE_SCREENSHOT && !notice ? 1 : show(&o, dir, &c, &d);
	}
	content_free(c);
	diag_free(d);
	if (ttf)
		TTF_Quit();
	return rc;
}
