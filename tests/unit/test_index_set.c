#include <stdlib.h>

#include "base/index_set.h"
#include "test.h"

static int failures_;

struct words {
	const char **w;
	const char *looked_for;
	size_t calls;
};

static bool same_word(void *ctx, size_t i)
{
	struct words *ws = ctx;
	ws->calls++;
	return strcmp(ws->w[i], ws->looked_for) == 0;
}

static long find(struct index_set *s, struct words *ws, const char *word)
{
	ws->looked_for = word;
	return index_set_find(s, index_set_hash_str(word), same_word, ws);
}

static void test_finds_the_first_of_each(void)
{
	const char *w[] = {"name", "year", "caption", "name", "file", "year"};
	struct words ws = {w, NULL, 0};
	struct index_set *s = index_set_new();
	long first[6];
	for (size_t i = 0; i < 6; i++) {
		first[i] = find(s, &ws, w[i]);
		if (first[i] < 0)
			CHECK_INT(index_set_add(s, index_set_hash_str(w[i]), i), 0);
	}
	CHECK_INT(first[0], -1);
	CHECK_INT(first[1], -1);
	CHECK_INT(first[2], -1);
	CHECK_INT(first[3], 0);
	CHECK_INT(first[4], -1);
	CHECK_INT(first[5], 1);
	CHECK_INT(find(s, &ws, "gift"), -1);
	index_set_free(s);
	CHECK_INT(index_set_find(NULL, 1, same_word, &ws), -1);
	CHECK_INT(index_set_add(NULL, 1, 0), -1);
	index_set_free(NULL);
}

/* Colliding hashes: every entry given the same hash is still told apart,
 * and only entries of the hash looked for are compared. */
static void test_same_hash(void)
{
	const char *w[] = {"a", "b", "c", "d"};
	struct words ws = {w, NULL, 0};
	struct index_set *s = index_set_new();
	for (size_t i = 0; i < 4; i++)
		index_set_add(s, 7, i);
	index_set_add(s, 8, 0);
	ws.looked_for = "c";
	CHECK_INT(index_set_find(s, 7, same_word, &ws), 2);
	ws.calls = 0;
	ws.looked_for = "z";
	CHECK_INT(index_set_find(s, 7, same_word, &ws), -1);
	CHECK_INT(ws.calls, 4);
	ws.calls = 0;
	CHECK_INT(index_set_find(s, 9, same_word, &ws), -1);
	CHECK_INT(ws.calls, 0);
	index_set_free(s);
}

/* 100,000 distinct keys with their repeats: each repeat found, few
 * comparisons in all (a scan would make five billion). */
static void test_many(void)
{
	enum { N = 100000 };
	char(*buf)[16] = malloc(N * sizeof *buf);
	const char **w = malloc(N * sizeof *w);
	if (!buf || !w)
		return;
	for (size_t i = 0; i < N; i++) {
		snprintf(buf[i], sizeof buf[i], "k%zu", i);
		w[i] = buf[i];
	}
	struct words ws = {w, NULL, 0};
	struct index_set *s = index_set_new();
	size_t missing = 0;
	for (size_t i = 0; i < N; i++)
		if (find(s, &ws, w[i]) < 0)
			index_set_add(s, index_set_hash_str(w[i]), i);
	for (size_t i = 0; i < N; i += 97)
		missing += find(s, &ws, w[i]) != (long)i;
	CHECK_INT(missing, 0);
	CHECK(ws.calls < 2 * N);
	index_set_free(s);
	free(w);
	free(buf);
}

int main(void)
{
	RUN(test_finds_the_first_of_each);
	RUN(test_same_hash);
	RUN(test_many);
	return failures_ != 0;
}
