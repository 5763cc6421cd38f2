#include "app/options.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "input/corner_hold.h"
#include "base/sim_clock.h"

static const char *const usage =
    N_("Usage: twinhall [OPTIONS] [CONTENT_DIR]\n"
       "Shows the Twinned Cities Hall: Perm's twin cities, their history and gifts.\n"
       "CONTENT_DIR defaults to ./content, then to the installed content.\n"
       "\n"
       "  --check              validate the content, print each problem as\n"
       "                       path:line:col: error: message; exit 0 if valid, 1 if not\n"
       "  --kiosk              fullscreen, cursor hidden, quit keys off\n"
       "  --window WxH         window size (default 1280x720)\n"
       "  --screenshot FILE    render one frame headless to a PNG file and exit\n"
       "  --at STATE           what --screenshot renders: attract, attract/N, notice,\n"
       "                       home, city/ID/photos/N, ... (default attract); in the\n"
       "                       window, the place to start at\n"
       "  --size WxH           size of the --screenshot frame (default 1920x1080)\n"
       "  --lang LANG          language, one of the content's languages (default: its first)\n"
       "  --text SIZE          the reading texts' size, normal (the default) or large, as\n"
       "                       a visitor's \"Aa\" button sets it; in the window, at the start\n"
       "  --poll SECONDS       look for content changes every SECONDS instead of being\n"
       "                       told by the kernel (automatic on NFS and SMB shares)\n"
       "  --state-dir DIR      where the last good content is kept (default:\n"
       "                       $STATE_DIRECTORY, else ~/.local/state/twinhall)\n"
       "  --staff-corner C     the corner to hold 5 s for the staff panel: top-left,\n"
       "                       top-right, bottom-left or bottom-right (the default)\n"
       "  --help               show this help and exit\n"
       "  --version            show the version and exit\n"
       "\n"
       "Keys (not in --kiosk): Esc quits, F toggles fullscreen.\n"
       "\n"
       "Test hooks, only with TWINHALL_TEST_HOOKS=1 in the environment:\n"
       "  --clock-speed N      time passes N times faster (1 to 100000)\n"
       "  --clock-start TIME   the clock starts at local TIME, such as\n"
       "                       \"2026-11-23 12:59\" (opening hours)\n"
       "  --monkey SEED        random taps, swipes, pinches and long presses, one\n"
       "                       every 50 ms, from the random seed SEED (the soak test)\n"
       "  --cec-library FILE   load FILE instead of libcec.so.6 for HDMI-CEC\n"
       "                       (display_power: cec)\n"
       "  SIGUSR1              acts as if the graphics device had been reset\n"
       "  SIGUSR2              hangs the main loop (for the watchdog test)\n"
       "Without it those options are refused and the two signals ignored.\n");

const char *options_usage(void)
{
	return usage;
}

int options_parse_size(const char *s, int *w, int *h)
{
	char *end;
	long a = strtol(s, &end, 10);
	if (end == s || (*end != 'x' && *end != 'X'))
		return -1;
	const char *p = end + 1;
	long b = strtol(p, &end, 10);
	if (end == p || *end != '\0' || a < 16 || b < 16 || a > 16384 || b > 16384)
		return -1;
	*w = (int)a;
	*h = (int)b;
	return 0;
}

/* Returns the value of an option taking one, from "--opt=value" or the next
 * argument; NULL when missing. */
static const char *option_value(int argc, char **argv, int *i, const char *arg, const char *name)
{
	size_t n = strlen(name);
	if (arg[n] == '=')
		return arg + n + 1;
	if (*i + 1 >= argc)
		return NULL;
	return argv[++*i];
}

static int is_option(const char *arg, const char *name)
{
	size_t n = strlen(name);
	return strncmp(arg, name, n) == 0 && (arg[n] == '\0' || arg[n] == '=');
}

/* The command line's error: fmt (English, translated here) with what. */
static int fail(char *err, size_t size, const char *fmt, const char *what)
{
	snprintf(err, size, _(fmt), what);
	return -1;
}

static int parse_valued(struct options *o, const char *name, const char *v, char *err, size_t es)
{
	if (strcmp(name, "--window") == 0) {
		if (options_parse_size(v, &o->window_w, &o->window_h) != 0)
			return fail(err, es,
			            "--window wants WIDTHxHEIGHT such as 1280x720, not '%s'", v);
	} else if (strcmp(name, "--size") == 0) {
		if (options_parse_size(v, &o->size_w, &o->size_h) != 0)
			return fail(err, es,
			            "--size wants WIDTHxHEIGHT such as 1920x1080, not '%s'", v);
	} else if (strcmp(name, "--screenshot") == 0) {
		if (!*v)
			return fail(err, es, "%s wants a file name", name);
		o->screenshot = v;
		o->mode = MODE_SCREENSHOT;
	} else if (strcmp(name, "--at") == 0) {
		o->at = v;
		o->at_given = true;
	} else if (strcmp(name, "--poll") == 0) {
		char *end;
		long s = strtol(v, &end, 10);
		if (end == v || *end || s < 1 || s > 3600)
			return fail(err, es,
			            "--poll wants a number of seconds from 1 to 3600, not '%s'", v);
		o->poll_s = (int)s;
	} else if (strcmp(name, "--staff-corner") == 0) {
		enum corner c;
		if (corner_parse(v, &c) != 0)
			return fail(err, es,
			            "--staff-corner wants top-left, top-right, bottom-left or "
			            "bottom-right, not '%s'",
			            v);
		o->staff_corner = v;
	} else if (strcmp(name, "--state-dir") == 0) {
		if (!*v)
			return fail(err, es, "%s wants a directory", name);
		o->state_dir = v;
	} else if (strcmp(name, "--lang") == 0) {
		o->lang = v;
	} else if (strcmp(name, "--text") == 0) {
		if (strcmp(v, "normal") != 0 && strcmp(v, "large") != 0)
			return fail(err, es, "--text wants normal or large, not '%s'", v);
		o->large_text = strcmp(v, "large") == 0;
	} else if (strcmp(name, "--clock-speed") == 0) {
		char *end;
		long s = strtol(v, &end, 10);
		if (end == v || *end || s < 1 || s > 100000)
			return fail(err, es,
			            "--clock-speed wants a number from 1 to 100000, not '%s'", v);
		o->clock_speed = (unsigned)s;
	} else if (strcmp(name, "--monkey") == 0) {
		char *end;
		unsigned long s = strtoul(v, &end, 10);
		if (end == v || *end || s > 0xffffffffUL)
			return fail(err, es, "--monkey wants a number (the random seed), not '%s'",
			            v);
		o->monkey = true;
		o->monkey_seed = (unsigned)s;
	} else if (strcmp(name, "--cec-library") == 0) {
		if (!*v)
			return fail(err, es, "%s wants a file name", name);
		o->cec_library = v;
	} else if (strcmp(name, "--clock-start") == 0) {
		if (sim_clock_parse_local(v) == (time_t)-1)
			return fail(
			    err, es,
			    "--clock-start wants a local time such as \"2026-11-23 12:59\", "
			    "not '%s'",
			    v);
		o->clock_start = v;
	}
	return 0;
}

static const char *const valued[] = {
    "--window",      "--size",   "--screenshot", "--at",           "--lang",
    "--text",        "--poll",   "--state-dir",  "--staff-corner", "--clock-speed",
    "--clock-start", "--monkey", "--cec-library"};

static int parse_one(int argc, char **argv, int *i, struct options *o, char *err, size_t es)
{
	const char *arg = argv[*i];
	for (size_t k = 0; k < sizeof valued / sizeof valued[0]; k++) {
		if (!is_option(arg, valued[k]))
			continue;
		const char *v = option_value(argc, argv, i, arg, valued[k]);
		if (!v)
			return fail(err, es, "%s needs a value (see --help)", valued[k]);
		return parse_valued(o, valued[k], v, err, es);
	}
	if (strcmp(arg, "--check") == 0)
		o->mode = o->mode == MODE_SCREENSHOT ? o->mode : MODE_CHECK;
	else if (strcmp(arg, "--kiosk") == 0)
		o->kiosk = true;
	else if (strcmp(arg, "--trace") == 0)
		o->trace = true;
	else if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0)
		o->mode = MODE_HELP;
	else if (strcmp(arg, "--version") == 0)
		o->mode = MODE_VERSION;
	else if (arg[0] == '-' && arg[1] != '\0')
		return fail(err, es, "unknown option '%s' (see --help)", arg);
	else if (o->content_dir)
		return fail(err, es, "only one content directory can be given, not also '%s'", arg);
	else
		o->content_dir = arg;
	return 0;
}

int options_parse(int argc, char **argv, struct options *o, char *err, size_t err_size)
{
	memset(o, 0, sizeof *o);
	o->mode = MODE_RUN;
	o->at = "attract";
	o->size_w = 1920;
	o->size_h = 1080;
	o->staff_corner = "bottom-right";
	int check = 0;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--check") == 0)
			check = 1;
		if (parse_one(argc, argv, &i, o, err, err_size) != 0)
			return -1;
	}
	if (check && o->mode == MODE_SCREENSHOT)
		return fail(err, err_size, "%s", "--check and --screenshot cannot be combined");
	return 0;
}

int options_allow_test_hooks(struct options *o, const char *env, char *err, size_t err_size)
{
	o->test_hooks = env && strcmp(env, "1") == 0;
	const char *hook = o->monkey        ? "--monkey"
	                   : o->clock_speed ? "--clock-speed"
	                   : o->clock_start ? "--clock-start"
	                   : o->cec_library ? "--cec-library"
	                                    : NULL;
	if (hook && !o->test_hooks)
		return fail(err, err_size,
		            "%s is a test hook: it works only with TWINHALL_TEST_HOOKS=1 in the "
		            "environment (see --help)",
		            hook);
	return 0;
}
