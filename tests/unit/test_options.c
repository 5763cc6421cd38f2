/* The command line. */
#include "app/options.h"
#include "test.h"

#include <stdarg.h>

static int failures_;

static int parse(struct options *o, char *err, int argc, ...)
{
	static char prog[] = "twinhall";
	char *argv[16] = {prog};
	va_list ap;
	va_start(ap, argc);
	for (int i = 1; i < argc; i++)
		argv[i] = va_arg(ap, char *);
	va_end(ap);
	return options_parse(argc, argv, o, err, 256);
}

static void test_defaults(void)
{
	struct options o;
	char err[256];
	CHECK_INT(parse(&o, err, 1), 0);
	CHECK_INT(o.mode, MODE_RUN);
	CHECK(o.content_dir == NULL);
	CHECK(!o.kiosk);
	CHECK_STR(o.at, "attract");
	CHECK_INT(o.size_w, 1920);
	CHECK_INT(o.size_h, 1080);
}

static void test_screenshot_options(void)
{
	struct options o;
	char err[256];
	CHECK_INT(parse(&o, err, 10, "--screenshot", "x.png", "--at", "attract/3", "--size",
	                "1080x1920", "--lang=en", "mydir", "--kiosk"),
	          0);
	CHECK_INT(o.mode, MODE_SCREENSHOT);
	CHECK_STR(o.screenshot, "x.png");
	CHECK_STR(o.at, "attract/3");
	CHECK_INT(o.size_w, 1080);
	CHECK_INT(o.size_h, 1920);
	CHECK_STR(o.lang, "en");
	CHECK_STR(o.content_dir, "mydir");
	CHECK(o.kiosk);
	CHECK(!o.large_text); /* normal text unless asked */
	CHECK_INT(parse(&o, err, 5, "--screenshot", "x.png", "--text", "large"), 0);
	CHECK(o.large_text);
	CHECK_INT(parse(&o, err, 2, "--text=normal"), 0);
	CHECK(!o.large_text);
}

static void test_check_and_window(void)
{
	struct options o;
	char err[256];
	CHECK_INT(parse(&o, err, 4, "--check", "--window", "800x600"), 0);
	CHECK_INT(o.mode, MODE_CHECK);
	CHECK_INT(o.window_w, 800);
	CHECK_INT(o.window_h, 600);
}

static void test_errors_are_one_line(void)
{
	struct options o;
	char err[256];
	CHECK_INT(parse(&o, err, 2, "--bogus"), -1);
	CHECK(strstr(err, "unknown option '--bogus'") != NULL);
	CHECK(strchr(err, '\n') == NULL);
	CHECK_INT(parse(&o, err, 3, "--size", "big"), -1);
	CHECK(strstr(err, "--size") && strstr(err, "'big'"));
	CHECK_INT(parse(&o, err, 2, "--window"), -1);
	CHECK(strstr(err, "needs a value") != NULL);
	CHECK_INT(parse(&o, err, 3, "a", "b"), -1);
	CHECK_INT(parse(&o, err, 3, "--size", "0x100"), -1);
	CHECK_INT(parse(&o, err, 3, "--size", "100x100junk"), -1);
	CHECK_INT(parse(&o, err, 3, "--text", "big"), -1);
	CHECK(strstr(err, "--text wants normal or large, not 'big'") != NULL);
}

static void test_reload_options(void)
{
	struct options o;
	char err[256];
	CHECK_INT(parse(&o, err, 1), 0);
	CHECK_INT(o.poll_s, 0);
	CHECK(o.state_dir == NULL);
	CHECK(!o.at_given);
	CHECK_INT(parse(&o, err, 6, "--poll=5", "--state-dir", "/var/lib/x", "--at", "home"), 0);
	CHECK_INT(o.poll_s, 5);
	CHECK_STR(o.state_dir, "/var/lib/x");
	CHECK(o.at_given);
	CHECK_INT(o.mode, MODE_RUN);
	CHECK_INT(parse(&o, err, 3, "--poll", "0"), -1);
	CHECK(strstr(err, "--poll") && strstr(err, "'0'"));
	CHECK_INT(parse(&o, err, 3, "--poll", "2s"), -1);
	CHECK_INT(parse(&o, err, 2, "--state-dir="), -1);
	CHECK_INT(parse(&o, err, 1), 0);
	CHECK_STR(o.staff_corner, "bottom-right");
	CHECK_INT(parse(&o, err, 3, "--staff-corner", "top-left"), 0);
	CHECK_STR(o.staff_corner, "top-left");
	CHECK_INT(parse(&o, err, 3, "--staff-corner", "left"), -1);
	CHECK(strstr(err, "'left'") != NULL);
}

static void test_help_and_version(void)
{
	struct options o;
	char err[256];
	CHECK_INT(parse(&o, err, 2, "--help"), 0);
	CHECK_INT(o.mode, MODE_HELP);
	CHECK(strstr(options_usage(), "--screenshot") != NULL);
	CHECK_INT(parse(&o, err, 2, "--version"), 0);
	CHECK_INT(o.mode, MODE_VERSION);
}

/* The test hooks are refused unless TWINHALL_TEST_HOOKS=1 switches them on. */
static void test_hooks_need_the_switch(void)
{
	struct options o;
	char err[256];
	const char *hooks[][2] = {{"--monkey", "1"},
	                          {"--clock-speed", "20"},
	                          {"--clock-start", "2026-11-23 12:59"},
	                          {"--cec-library", "/tmp/fake-libcec.so"}};
	for (int i = 0; i < 4; i++) {
		CHECK_INT(parse(&o, err, 3, hooks[i][0], hooks[i][1]), 0);
		CHECK_INT(options_allow_test_hooks(&o, NULL, err, sizeof err), -1);
		CHECK(strstr(err, hooks[i][0]) && strstr(err, "TWINHALL_TEST_HOOKS=1"));
		CHECK_INT(options_allow_test_hooks(&o, "yes", err, sizeof err), -1);
		CHECK_INT(options_allow_test_hooks(&o, "1", err, sizeof err), 0);
		CHECK(o.test_hooks);
	}
	CHECK_INT(parse(&o, err, 2, "--kiosk"), 0);
	CHECK_INT(options_allow_test_hooks(&o, NULL, err, sizeof err), 0);
	CHECK(!o.test_hooks);
}

int main(void)
{
	RUN(test_defaults);
	RUN(test_screenshot_options);
	RUN(test_check_and_window);
	RUN(test_errors_are_one_line);
	RUN(test_help_and_version);
	RUN(test_reload_options);
	RUN(test_hooks_need_the_switch);
	return failures_ != 0;
}
