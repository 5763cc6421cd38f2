/* The loader thread: a load it is asked for arrives with its verdict, asks
 * that pile up while it works end in one more load (the last content
 * wins), a broken file is a result with located errors, and the snapshot
 * hook runs only after a good load, after its quiet time, and not when
 * another load was asked for during it. Runs on a copy of the sample
 * content. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "live/reload.h"
#include "test.h"

static int failures_;
static char root[64];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int done_calls, good_calls;

static void on_done(void *ctx)
{
	(void)ctx;
	pthread_mutex_lock(&lock);
	done_calls++;
	pthread_mutex_unlock(&lock);
}

static void on_good(void *ctx)
{
	(void)ctx;
	pthread_mutex_lock(&lock);
	good_calls++;
	pthread_mutex_unlock(&lock);
}

/* Waits (up to 10 s) for a result. */
static struct reload_result *wait_result(struct reload *r)
{
	for (int i = 0; i < 1000; i++) {
		struct reload_result *res = reload_take(r);
		if (res)
			return res;
		usleep(10000);
	}
	return NULL;
}

static void append(const char *rel, const char *text)
{
	CHECK(test_write_file(root, rel, text, "a") == 0);
}

static void test_load_and_errors(void)
{
	struct reload *r = reload_new(root, on_done, on_good, NULL);
	CHECK(r != NULL);
	if (!r)
		return;
	CHECK(reload_take(r) == NULL); /* nothing asked yet */
	reload_request(r);
	struct reload_result *res = wait_result(r);
	CHECK(res && res->content && res->number == 1);
	CHECK(res && diag_count(res->diag, DIAG_ERROR) == 0);
	if (res && res->content)
		CHECK_INT(res->content->hall.n_cities, 6);
	reload_result_free(res);

	append("hall.yaml", "bogus_key: 1\n");
	reload_request(r);
	res = wait_result(r);
	CHECK(res && !res->content && res->number == 2);
	if (res && diag_size(res->diag) > 0) {
		const struct diag_item *it = diag_get(res->diag, 0);
		CHECK_STR(it->file, "hall.yaml");
		CHECK(it->line > 1);
	}
	reload_result_free(res);
	reload_free(r);
	pthread_mutex_lock(&lock);
	CHECK_INT(done_calls, 2);
	CHECK_INT(good_calls, 1); /* not after the broken one */
	pthread_mutex_unlock(&lock);
}

/* Fifty asks in a row: far fewer loads, the last one after the last ask. */
static void test_asks_merge(void)
{
	struct reload *r = reload_new(root, on_done, NULL, NULL);
	CHECK(r != NULL);
	if (!r)
		return;
	for (int i = 0; i < 50; i++)
		reload_request(r);
	struct reload_result *res = wait_result(r), *more;
	usleep(300000);
	while ((more = reload_take(r))) { /* at most one more: the ask during the load */
		reload_result_free(res);
		res = more;
	}
	CHECK(res != NULL);
	CHECK(res && res->number >= 1 && res->number <= 2);
	reload_result_free(res);
	reload_free(r);
}

static int goods(void)
{
	pthread_mutex_lock(&lock);
	int n = good_calls;
	pthread_mutex_unlock(&lock);
	return n;
}

/* With a quiet time, the hook waits it out after a good load; an ask
 * during it cancels this one (the next good load runs it). */
static void test_quiet_before_snapshot(void)
{
	struct reload *r = reload_new(root, on_done, on_good, NULL);
	CHECK(r != NULL);
	if (!r)
		return;
	reload_set_quiet(r, 600);
	char cmd[256]; /* good content again (test_load_and_errors broke it) */
	snprintf(cmd, sizeof cmd, "cp content/hall.yaml '%s/hall.yaml'", root);
	CHECK_INT(system(cmd), 0);
	int before = goods();
	reload_request(r);
	reload_result_free(wait_result(r));
	usleep(200000);
	CHECK_INT(goods(), before); /* still quiet */
	reload_request(r);          /* an ask during the quiet time */
	reload_result_free(wait_result(r));
	usleep(300000); /* 500 ms after the first load: nothing ran for it */
	CHECK_INT(goods(), before);
	for (int i = 0; i < 200 && goods() == before; i++)
		usleep(10000);
	CHECK_INT(goods(), before + 1); /* once, after the second load's quiet */
	usleep(800000);
	CHECK_INT(goods(), before + 1);
	reload_free(r);
}

int main(void)
{
	snprintf(root, sizeof root, "/tmp/twinhall-reload-XXXXXX");
	char cmd[256];
	if (!mkdtemp(root))
		return 1;
	snprintf(cmd, sizeof cmd, "cp -r content/. '%s'", root);
	if (system(cmd) != 0) {
		printf("FAIL cannot copy the sample content (run from the top directory)\n");
		return 1;
	}
	RUN(test_load_and_errors);
	RUN(test_asks_merge);
	RUN(test_quiet_before_snapshot);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
	CHECK_INT(system(cmd), 0);
	return failures_ ? 1 : 0;
}
