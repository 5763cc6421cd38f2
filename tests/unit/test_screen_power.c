/* The panel's power as one state: off and on only on a change, with the
 * method that can switch this screen (the first that opens), never off
 * when display_power is black, lit again and left alone once the method
 * fails, and lit again at exit. A fake method stands for X11 and DRM,
 * another for HDMI-CEC, which learns what it drives after opening and says
 * itself when it cannot act. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/drm_probe.h"
#include "app/screen_power.h"
#include "test.h"

static int failures_;

struct fake {
	bool opens, fails;
	int sets, offs;
	bool lit;
};
static struct fake fakes[2];

static void *fake_open(struct fake *f, char *what, size_t ws, char *why, size_t ys)
{
	if (!f->opens) {
		snprintf(why, ys, "fake %d cannot", (int)(f - fakes));
		return NULL;
	}
	snprintf(what, ws, "on fake %d", (int)(f - fakes));
	f->lit = true;
	return f;
}
static void *open0(SDL_Window *w, char *what, size_t ws, char *why, size_t ys)
{
	(void)w;
	return fake_open(&fakes[0], what, ws, why, ys);
}
static void *open1(SDL_Window *w, char *what, size_t ws, char *why, size_t ys)
{
	(void)w;
	return fake_open(&fakes[1], what, ws, why, ys);
}
static int fake_set(void *ctx, bool on, char *why, size_t ys)
{
	struct fake *f = ctx;
	f->sets++;
	if (f->fails && !on) {
		snprintf(why, ys, "refused");
		return -1;
	}
	f->offs += !on;
	f->lit = on;
	return 0;
}
static void fake_close(void *ctx)
{
	(void)ctx;
}
static const struct dpms_impl impl0 = {
    .name = "fake zero", .open = open0, .set = fake_set, .close = fake_close};
static const struct dpms_impl impl1 = {
    .name = "fake one", .open = open1, .set = fake_set, .close = fake_close};
static const struct dpms_impl *const impls[] = {&impl0, &impl1};

static void test_first_that_opens(void)
{
	memset(fakes, 0, sizeof fakes);
	fakes[1].opens = true;
	struct screen_power *p = screen_power_new(impls, 2, NULL);
	CHECK_STR(screen_power_describe(p), "fake one on fake 1");
	CHECK_INT(screen_power_state(p), SCREEN_POWER_ON);
	screen_power_want(p, true, true); /* already on: nothing done */
	CHECK_INT(fakes[1].sets, 0);
	screen_power_want(p, false, true);
	screen_power_want(p, false, true);
	CHECK_INT(fakes[1].sets, 1);
	CHECK(!fakes[1].lit);
	CHECK_INT(screen_power_state(p), SCREEN_POWER_OFF);
	screen_power_want(p, true, true);
	CHECK(fakes[1].lit);
	screen_power_want(p, false, true);
	screen_power_free(p); /* off at exit: lit again for what comes next */
	CHECK(fakes[1].lit);
	CHECK_INT(fakes[0].sets, 0);
}

static void test_none_works(void)
{
	memset(fakes, 0, sizeof fakes);
	struct screen_power *p = screen_power_new(impls, 2, NULL);
	const char *d = screen_power_describe(p);
	CHECK(strstr(d, "none (fake 0 cannot; fake 1 cannot)") == d);
	CHECK(strstr(d, "only drawn black") != NULL);
	screen_power_want(p, false, true);
	CHECK_INT(screen_power_state(p), SCREEN_POWER_ON);
	screen_power_free(p);
}

static void test_black_setting(void)
{
	memset(fakes, 0, sizeof fakes);
	fakes[0].opens = true;
	struct screen_power *p = screen_power_new(impls, 2, NULL);
	screen_power_want(p, false, false); /* display_power: black */
	CHECK_INT(fakes[0].offs, 0);
	screen_power_want(p, false, true);
	CHECK_INT(fakes[0].offs, 1);
	screen_power_want(p, false, false); /* the content changed to black while off */
	CHECK(fakes[0].lit);
	screen_power_free(p);
}

static void test_failure(void)
{
	memset(fakes, 0, sizeof fakes);
	fakes[0].opens = fakes[0].fails = true;
	struct screen_power *p = screen_power_new(impls, 2, NULL);
	screen_power_want(p, false, true);
	CHECK_INT(screen_power_state(p), SCREEN_POWER_BROKEN);
	CHECK(fakes[0].lit);
	int sets = fakes[0].sets;
	screen_power_want(p, true, true);
	screen_power_want(p, false, true); /* not tried again: one warning, not one a frame */
	CHECK_INT(fakes[0].sets, sets);
	screen_power_free(p);
	screen_power_free(NULL);
}

/* A method like HDMI-CEC: its words change once its thread has found the
 * adapter (or not), and a set it cannot do (1) leaves the panel alone,
 * silently, from then on. */
static int late_sets;
static bool late_found;
static void *late_open(SDL_Window *w, char *what, size_t ws, char *why, size_t ys)
{
	(void)w;
	(void)why;
	(void)ys;
	snprintf(what, ws, "looking");
	return &late_sets;
}
static int late_set(void *ctx, bool on, char *why, size_t ys)
{
	(void)ctx;
	(void)on;
	(void)why;
	(void)ys;
	late_sets++;
	return late_found ? 0 : 1;
}
static void late_describe(void *ctx, char *buf, size_t size)
{
	(void)ctx;
	snprintf(buf, size, late_found ? "late through adapter" : "late: no adapter");
}
static const struct dpms_impl late = {.name = "late",
                                      .open = late_open,
                                      .set = late_set,
                                      .close = fake_close,
                                      .describe = late_describe};

static void test_method_that_learns_late(void)
{
	const struct dpms_impl *const one[] = {&late};
	late_sets = 0;
	late_found = true;
	struct screen_power *p = screen_power_new(one, 1, NULL);
	CHECK_STR(screen_power_describe(p), "late through adapter");
	screen_power_want(p, false, true);
	CHECK_INT(screen_power_state(p), SCREEN_POWER_OFF);
	late_found = false; /* the method lost its adapter */
	CHECK_STR(screen_power_describe(p), "late: no adapter");
	screen_power_want(p, true, true);
	CHECK_INT(screen_power_state(p), SCREEN_POWER_BROKEN);
	screen_power_want(p, false, true); /* not asked again */
	CHECK_INT(late_sets, 2);
	screen_power_free(p);
}

/* When the console cannot be had, the reason in plain words: no device
 * at all, or a device with no monitor (a file standing in for a card). */
static void test_drm_reasons(void)
{
	char dir[] = "/tmp/twinhall-dri.XXXXXX", msg[512], card[600];
	CHECK(mkdtemp(dir) != NULL);
	CHECK_INT(drm_probe(dir, msg, sizeof msg), DRM_PROBE_NO_DEVICE);
	CHECK(strstr(msg, "no DRM device") != NULL);
	CHECK(test_write_file(dir, "card0", "", "w") == 0);
	CHECK_INT(drm_probe(dir, msg, sizeof msg), DRM_PROBE_NO_MONITOR);
	CHECK(strstr(msg, "no monitor is connected") != NULL);
	snprintf(card, sizeof card, "%s/card0", dir);
	unlink(card);
	rmdir(dir);
}

int main(void)
{
	RUN(test_first_that_opens);
	RUN(test_none_works);
	RUN(test_black_setting);
	RUN(test_failure);
	RUN(test_method_that_learns_late);
	RUN(test_drm_reasons);
	return failures_ != 0;
}
