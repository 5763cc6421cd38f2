/* twinhall: the program of the Twinned Cities Hall, Perm. */
#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/log.h"
#include "app/app.h"
#include "base/bigalloc.h"
#include "content/content.h"
#include "content/diag.h"
#include "app/options.h"
#include "app/screenshot.h"
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

/* --check: every problem, then a one-line verdict. */
static int run_check(const char *dir, struct content *c, struct diag *d)
{
	diag_print(d, stdout, dir);
	size_t errors = diag_count(d, DIAG_ERROR), warnings = diag_count(d, DIAG_WARNING);
	if (c) { /* the rule book gives no content when it found an error */
		size_t cities, photos, history, gifts;
		content_counts(c, &cities, &photos, &history, &gifts);
		printf("%s: ok: %zu cities, %zu photos, %zu history entries, %zu gifts", dir,
		       cities, photos, history, gifts);
		if (warnings)
			printf(", %zu warning%s", warnings, warnings == 1 ? "" : "s");
		printf("\n");
		return 0;
	}
	printf("%s: %zu error%s, %zu warning%s: the hall cannot show this content\n", dir, errors,
	       errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s");
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
	fprintf(stderr, "twinhall: --lang %s: the content's languages are", o->lang);
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
	bigalloc_install();
	if (options_parse(argc, argv, &o, err, sizeof err) != 0 ||
	    options_allow_test_hooks(&o, getenv("TWINHALL_TEST_HOOKS"), err, sizeof err) != 0) {
		fprintf(stderr, "twinhall: %s\n", err);
		return 2;
	}
	if (o.mode == MODE_HELP) {
		fputs(options_usage(), stdout);
		return 0;
	}
	if (o.mode == MODE_VERSION) {
		printf("twinhall %s\n", TWINHALL_VERSION);
		return 0;
	}
	const char *dir = content_dir(&o);
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
		rc = run_check(dir, c, d);
	} else {
		diag_log(d, stderr, dir);
		if (!c)
			log_error("%s has errors (run twinhall --check %s)", dir, dir);
		int notice = o.mode == MODE_SCREENSHOT && strcmp(o.at, "notice") == 0;
		rc = !c && o.mode == MODE_SCREENSHOT && !notice ? 1 : show(&o, dir, &c, &d);
	}
	content_free(c);
	diag_free(d);
	if (ttf)
		TTF_Quit();
	return rc;
}
