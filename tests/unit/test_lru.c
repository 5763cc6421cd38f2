/* The map under both caches: finds what it holds past many bucket growths,
 * evicts oldest first within byte and count limits, never what the current
 * or previous frame used, and drops every value exactly once. */
#include <stdlib.h>

#include "base/lru.h"
#include "test.h"

static int failures_;
static int dropped;

static void drop(void *ctx, void *value)
{
	(void)ctx;
	dropped++;
	free(value);
}

static void *value_of(int i)
{
	int *v = malloc(sizeof *v);
	*v = i;
	return v;
}

static struct lru_stats stats(const struct lru *m)
{
	struct lru_stats s;
	lru_stats(m, &s);
	return s;
}

static void test_finds_many_keys(void)
{
	dropped = 0;
	struct lru *m = lru_new(1 << 20, 0, drop, NULL);
	for (int i = 0; i < 1000; i++)
		CHECK(lru_insert(m, &i, sizeof i, value_of(i), 1) != NULL);
	for (int i = 0; i < 1000; i++) {
		struct lru_entry *e = lru_find(m, &i, sizeof i);
		CHECK(e && *(int *)lru_value(e) == i);
	}
	int absent = 1000;
	CHECK(lru_find(m, &absent, sizeof absent) == NULL);
	CHECK(lru_find(m, "ab", 2) == NULL); /* a shorter key is another key */
	CHECK_INT(stats(m).entries, 1000);
	CHECK_INT(stats(m).bytes, 1000);
	lru_free(m);
	CHECK_INT(dropped, 1000);
}

static void test_oldest_goes_first(void)
{
	dropped = 0;
	struct lru *m = lru_new(3, 0, drop, NULL);
	for (int i = 0; i < 3; i++)
		lru_insert(m, &i, sizeof i, value_of(i), 1);
	lru_frame(m);
	lru_frame(m);
	int zero = 0, three = 3;
	lru_find(m, &zero, sizeof zero); /* 0 is now the newest */
	lru_insert(m, &three, sizeof three, value_of(3), 1);
	CHECK_INT(stats(m).entries, 3);
	CHECK_INT(stats(m).evictions, 1);
	int one = 1, two = 2;
	CHECK(lru_peek(m, &one, sizeof one) == NULL);
	CHECK(lru_peek(m, &two, sizeof two) != NULL);
	CHECK(lru_peek(m, &zero, sizeof zero) != NULL);
	lru_free(m);
	CHECK_INT(dropped, 4);
}

static void test_pinned_frames(void)
{
	struct lru *m = lru_new(0, 0, drop, NULL);
	int a = 1, b = 2;
	lru_insert(m, &a, sizeof a, value_of(a), 10);
	CHECK_INT(stats(m).entries, 1); /* used this frame */
	lru_frame(m);
	CHECK_INT(stats(m).entries, 1); /* used in the previous frame */
	lru_insert(m, &b, sizeof b, value_of(b), 10);
	lru_frame(m);
	CHECK_INT(stats(m).entries, 1);
	CHECK(lru_peek(m, &b, sizeof b) != NULL);
	lru_frame(m);
	CHECK_INT(stats(m).entries, 0);
	CHECK_INT(stats(m).bytes, 0);
	lru_free(m);
}

static void test_count_limit_and_resize(void)
{
	struct lru *m = lru_new(1 << 20, 5, drop, NULL);
	for (int i = 0; i < 20; i++) {
		lru_insert(m, &i, sizeof i, value_of(i), 0);
		lru_frame(m);
		lru_frame(m);
	}
	CHECK_INT(stats(m).entries, 5);
	int k = 19;
	struct lru_entry *e = lru_find(m, &k, sizeof k);
	lru_set_bytes(m, e, 100);
	CHECK_INT(stats(m).bytes, 100);
	lru_remove(m, e);
	CHECK_INT(stats(m).bytes, 0);
	CHECK_INT(stats(m).entries, 4);
	lru_clear(m);
	CHECK_INT(stats(m).entries, 0);
	lru_free(m);
	lru_free(NULL);
}

static bool is_odd(void *ctx, const void *value)
{
	(void)ctx;
	return *(const int *)value % 2 == 1;
}

/* The entry trimming would evict first for more bytes, of those a test
 * accepts: none when no eviction is needed, never a pinned one; evicting
 * it counts. */
static void test_next_out(void)
{
	dropped = 0;
	struct lru *m = lru_new(30, 0, drop, NULL);
	for (int i = 0; i < 3; i++) /* 0, 1, 2: 10 bytes each, 0 the oldest */
		lru_insert(m, &i, sizeof i, value_of(i), 10);
	CHECK(lru_next_out(m, 15, is_odd, NULL) == NULL); /* all pinned */
	lru_frame(m);
	lru_frame(m);
	CHECK(lru_next_out(m, 0, is_odd, NULL) == NULL);  /* within the budget: none goes */
	CHECK(lru_next_out(m, 10, is_odd, NULL) == NULL); /* 0 alone makes room, and is even */
	struct lru_entry *e = lru_next_out(m, 15, is_odd, NULL); /* 0, then 1 */
	CHECK(e && *(int *)lru_value(e) == 1);
	int three = 3;
	lru_insert(m, &three, sizeof three, value_of(3), 0); /* newest, pinned */
	int zero = 0;
	lru_find(m, &zero, sizeof zero); /* 0 pinned, now the newest: 1 is the oldest */
	CHECK(lru_next_out(m, 10, is_odd, NULL) == e);
	if (e)
		lru_evict(m, e);
	CHECK_INT(stats(m).evictions, 1);
	CHECK_INT(stats(m).entries, 3);
	CHECK_INT(dropped, 1);
	CHECK(lru_next_out(m, 10, is_odd, NULL) == NULL); /* within the budget again */
	CHECK(lru_next_out(m, 25, is_odd, NULL) == NULL); /* 2 would go, then 3 is pinned */
	lru_free(m);
}

int main(void)
{
	RUN(test_finds_many_keys);
	RUN(test_oldest_goes_first);
	RUN(test_pinned_frames);
	RUN(test_count_limit_and_resize);
	RUN(test_next_out);
	return failures_ != 0;
}
