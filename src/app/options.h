/* options: the command line, parsed into plain data without side effects. */
#ifndef TWINHALL_OPTIONS_H
#define TWINHALL_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>

enum run_mode { MODE_RUN, MODE_CHECK, MODE_SCREENSHOT, MODE_HELP, MODE_VERSION };

struct options {
	enum run_mode mode;
	const char *content_dir; /* NULL: the default search (./content, then installed) */
	bool kiosk;
	bool trace;             /* one JSON line per change of place on stdout */
	int window_w, window_h; /* 0: the default */
	const char *screenshot; /* output PNG path in MODE_SCREENSHOT */
	const char *at;         /* state to render, "attract" by default */
	int size_w, size_h;     /* screenshot size */
	const char *lang;       /* NULL: the content's default language */
	bool large_text;        /* --text large: the reading texts larger (as a visitor's toggle) */
	int poll_s;             /* > 0: look for content changes every poll_s seconds */
	const char *state_dir;  /* NULL: $STATE_DIRECTORY, else ~/.local/state/twinhall */
	bool at_given;          /* --at was given (the window starts there too) */
	const char *staff_corner; /* the corner held for the staff panel, e.g. "bottom-right" */
	/* For tests: time passes clock_speed times faster (0: real time), the
	 * wall clock starting at clock_start (a local time; NULL: now). */
	unsigned clock_speed;
	const char *clock_start;
	bool monkey; /* for the soak test: random touches, one every 50 ms */
	/* For tests: the file loaded instead of libcec.so.6 (NULL: libcec). */
	const char *cec_library;
	/* The test hooks (the clock options, --monkey, --cec-library, SIGUSR1
	 * and SIGUSR2) may
	 * be used: TWINHALL_TEST_HOOKS=1 (see options_allow_test_hooks). */
	bool test_hooks;
	unsigned monkey_seed;
};

/* Parses argv into o. Returns 0 on success; on a usage error returns -1 and
 * writes a one-line message (no newline) into err. Strings in o point into argv. */
int options_parse(int argc, char **argv, struct options *o, char *err, size_t err_size);

/* Parses "WxH" (each 16..16384) into w and h; returns 0, or -1 when malformed. */
int options_parse_size(const char *s, int *w, int *h);

/* The --help text. */
const char *options_usage(void);

/* Sets o->test_hooks from the environment's TWINHALL_TEST_HOOKS (env, may
 * be NULL: on only when "1"). Returns 0, or -1 with a message in err when
 * a test hook was given without it: the hooks are no part of the hall. */
int options_allow_test_hooks(struct options *o, const char *env, char *err, size_t err_size);

#endif
