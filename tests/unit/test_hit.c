/* Touch targets: direct hits, forgiving small targets, nearest and topmost. */
#include "input/hit.h"
#include "test.h"

#include <math.h>

static int failures_;

static struct rect R(int x, int y, int w, int h) {
	return (struct rect){x, y, w, h};
}

static int
id_at(const struct hit_list *l, float x, float y, int min)
{
	const struct hit_target *t = hit_find(l, x, y, min);
	return t ? t->id : -1;
}

static void test_direct_hit(void)
{
	struct hit_list l = {0};
	CHECK_INT(hit_add(&l, R(100, 100, 200, 100), 1, 7), 0);
	CHECK_INT(hit_add(&l, R(400, 100, 200, 100), 2, 8), 0);
	const struct hit_target *t = hit_find(&l, 150, 150, 80);
	CHECK(t != NULL);
	if (t) {
		CHECK_INT(t->id, 1);
		CHECK_INT(t->arg, 7);
	}
	CHECK_INT(id_at(&l, 599, 199, 80), 2);
	CHECK_INT(id_at(&l, 350, 150, 80), -1); /* between two big targets */
	CHECK_INT(id_at(&l, 150, 50, 80), -1);  /* above: big targets do not grow */
}

static void test_small_target_found_within_its_expanded_area(void)
{
	struct hit_list l = {0};
	hit_add(&l, R(500, 500, 20, 20), 3, 0); /* centre 510,510; 80 px: 470..550 */
	CHECK_INT(id_at(&l, 510, 510, 80), 3);
	CHECK_INT(id_at(&l, 475, 545, 80), 3);
	CHECK_INT(id_at(&l, 550, 470, 80), 3);
	CHECK_INT(id_at(&l, 465, 510, 80), -1);
	CHECK_INT(id_at(&l, 510, 555, 80), -1);
	/* Only the short side grows: a wide thin target keeps its width. */
	hit_add(&l, R(0, 0, 300, 10), 4, 0);
	CHECK_INT(id_at(&l, 150, 40, 80), 4);
	CHECK_INT(id_at(&l, 320, 5, 80), -1);
	CHECK_INT(id_at(&l, 510, 510, 0), 3); /* min_size 0: the drawn area only */
	CHECK_INT(id_at(&l, 525, 510, 0), -1);
}

static void test_adjacent_small_targets_resolve_to_the_nearer(void)
{
	struct hit_list l = {0};
	/* Two 30 px buttons 10 px apart: their 80 px areas overlap. */
	hit_add(&l, R(100, 100, 30, 30), 1, 0);
	hit_add(&l, R(140, 100, 30, 30), 2, 0);
	CHECK_INT(id_at(&l, 133, 115, 80), 1);
	CHECK_INT(id_at(&l, 137, 115, 80), 2);
	CHECK_INT(id_at(&l, 90, 90, 80), 1);
	CHECK_INT(id_at(&l, 180, 140, 80), 2);
	/* Exactly halfway: the later added wins. */
	CHECK_INT(id_at(&l, 135, 115, 80), 2);
	/* A point inside one drawn area beats a nearer-looking neighbour. */
	CHECK_INT(id_at(&l, 129, 115, 80), 1);
}

static void test_overlapping_picks_the_top_one(void)
{
	struct hit_list l = {0};
	hit_add(&l, R(0, 0, 1000, 1000), 1, 0); /* a background card */
	hit_add(&l, R(400, 400, 100, 100), 2, 0);
	hit_add(&l, R(450, 450, 100, 100), 3, 0);
	CHECK_INT(id_at(&l, 420, 420, 80), 2);
	CHECK_INT(id_at(&l, 470, 470, 80), 3);
	CHECK_INT(id_at(&l, 10, 10, 80), 1);
	/* A small button on the card, touched just outside it: the card
	 * contains the point, so the card wins. */
	hit_add(&l, R(800, 800, 20, 20), 4, 0);
	CHECK_INT(id_at(&l, 810, 810, 80), 4);
	CHECK_INT(id_at(&l, 830, 810, 80), 1);
}

static void test_full_list_refuses(void)
{
	struct hit_list l = {0};
	for (int i = 0; i < HIT_MAX; i++)
		CHECK_INT(hit_add(&l, R(i * 10, 0, 10, 10), i, 0), 0);
	CHECK_INT(l.n, HIT_MAX);
	CHECK_INT(hit_add(&l, R(0, 0, 10, 10), 999, 0), -1);
	CHECK_INT(l.n, HIT_MAX);
	CHECK_INT(id_at(&l, 5 + 10 * (HIT_MAX - 1), 5, 0), HIT_MAX - 1);
}

static void test_clear_empties(void)
{
	struct hit_list l = {0};
	CHECK(hit_find(&l, 0, 0, 80) == NULL);
	hit_add(&l, R(0, 0, 100, 100), 1, 0);
	hit_clear(&l);
	CHECK_INT(l.n, 0);
	CHECK(hit_find(&l, 50, 50, 80) == NULL);
	hit_add(&l, R(0, 0, 100, 100), 2, 0);
	CHECK_INT(id_at(&l, 50, 50, 80), 2);
}

static void test_odd_input(void)
{
	struct hit_list l = {0};
	hit_add(&l, R(100, 100, -5, -5), 1, 0); /* negative: a point target */
	CHECK_INT(l.t[0].r.w, 0);
	CHECK_INT(id_at(&l, 100, 100, 0), 1);
	CHECK_INT(id_at(&l, 130, 70, 80), 1);
	CHECK(hit_find(&l, NAN, 100, 80) == NULL);
	CHECK(hit_find(&l, 100, INFINITY, 80) == NULL);
}

int main(void)
{
	RUN(test_direct_hit);
	RUN(test_small_target_found_within_its_expanded_area);
	RUN(test_adjacent_small_targets_resolve_to_the_nearer);
	RUN(test_overlapping_picks_the_top_one);
	RUN(test_full_list_refuses);
	RUN(test_clear_empties);
	RUN(test_odd_input);
	return failures_ != 0;
}
