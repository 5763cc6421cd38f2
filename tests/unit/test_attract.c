/* The attract loop's order and timing, on a hand-built hall and a fake clock. */
#include "ui/attract.h"
#include "test.h"

static int failures_;

static struct photo photos[3];
static struct history_entry history[2];
static struct gift gifts[1];
static struct city cities[3];
static struct hall hall;

static void build(void)
{
	cities[0] = (struct city){.id = "a",
	                          .photos = photos,
	                          .n_photos = 2,
	                          .history = history,
	                          .n_history = 2,
	                          .gifts = gifts,
	                          .n_gifts = 1};
	cities[1] = (struct city){.id = "b", .photos = photos, .n_photos = 3};
	cities[2] = (struct city){.id = "c", .history = history, .n_history = 1};
	hall = (struct hall){.cities = cities, .n_cities = 3};
}

static void test_cycle_has_every_city_in_order(void)
{
	build();
	/* a: 2 photos + 1 history + 1 gift; b: 3 photos; c: card + 1 history. */
	CHECK_INT(attract_cycle_length(&hall), 4 + 3 + 2);
	const struct {
		enum attract_kind kind;
		size_t city, index;
	} want[] = {{ATTRACT_PHOTO, 0, 0}, {ATTRACT_PHOTO, 0, 1}, {ATTRACT_HISTORY, 0, 0},
	            {ATTRACT_GIFT, 0, 0},  {ATTRACT_PHOTO, 1, 0}, {ATTRACT_PHOTO, 1, 1},
	            {ATTRACT_PHOTO, 1, 2}, {ATTRACT_CITY, 2, 0},  {ATTRACT_HISTORY, 2, 0}};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		struct attract_item it = attract_item_at(&hall, i);
		CHECK_INT(it.kind, want[i].kind);
		CHECK_INT(it.city, want[i].city);
		CHECK_INT(it.index, want[i].index);
	}
}

static void test_each_pass_shows_the_next_history_moment(void)
{
	build();
	size_t len = attract_cycle_length(&hall);
	CHECK_INT(attract_item_at(&hall, 2).index, 0);
	CHECK_INT(attract_item_at(&hall, len + 2).index, 1);
	CHECK_INT(attract_item_at(&hall, 2 * len + 2).index, 0);
	/* The loop wraps even at huge positions (months of running). */
	struct attract_item far = attract_item_at(&hall, (uint64_t)len * 1000000007ull + 4);
	CHECK_INT(far.kind, ATTRACT_PHOTO);
	CHECK_INT(far.city, 1);
}

static void test_hold_then_fade_then_next(void)
{
	uint64_t t0 = 5000;
	struct attract_state s = attract_begin(t0);
	CHECK(!attract_step(&s, t0 + 7999, 8000, 1500, true));
	CHECK_INT(s.phase, ATTRACT_HOLD);
	CHECK_INT(attract_deadline(&s, t0 + 100, 8000), t0 + 8000);
	CHECK(attract_step(&s, t0 + 8000, 8000, 1500, true));
	CHECK_INT(s.phase, ATTRACT_FADE);
	CHECK_INT(attract_fade_permille(&s, t0 + 8000, 1500), 0);
	CHECK_INT(attract_fade_permille(&s, t0 + 8750, 1500), 500);
	int early = attract_fade_permille(&s, t0 + 8150, 1500);
	CHECK(early > 0 && early < 100); /* eased: slow start */
	CHECK(attract_step(&s, t0 + 9500, 8000, 1500, true));
	CHECK_INT(s.seq, 1);
	CHECK_INT(s.phase, ATTRACT_HOLD);
	CHECK_INT(s.since_ms, t0 + 9500);
}

static void test_waits_for_the_next_item(void)
{
	struct attract_state s = attract_begin(0);
	CHECK(!attract_step(&s, 20000, 8000, 1500, false)); /* not decoded yet: hold on */
	CHECK_INT(s.phase, ATTRACT_HOLD);
	CHECK(attract_step(&s, 20001, 8000, 1500, true));
	CHECK_INT(s.phase, ATTRACT_FADE);
	CHECK_INT(s.since_ms, 20001);
}

static void test_zero_crossfade_cuts(void)
{
	struct attract_state s = attract_begin(0);
	CHECK(attract_step(&s, 8000, 8000, 0, true));
	CHECK_INT(s.seq, 1);
	CHECK_INT(s.phase, ATTRACT_HOLD);
}

static void test_clock_past_32_bits(void)
{
	/* 2^32 ms is 49.7 days: timing must not wrap there. */
	uint64_t t0 = (1ull << 32) - 3000;
	struct attract_state s = attract_begin(t0);
	CHECK(!attract_step(&s, t0 + 7000, 8000, 1500, true));
	CHECK(attract_step(&s, t0 + 8000, 8000, 1500, true));
	CHECK(attract_step(&s, t0 + 9500, 8000, 1500, true));
	CHECK_INT(s.seq, 1);
	CHECK(s.since_ms > (1ull << 32));
}

int main(void)
{
	RUN(test_cycle_has_every_city_in_order);
	RUN(test_each_pass_shows_the_next_history_moment);
	RUN(test_hold_then_fade_then_next);
	RUN(test_waits_for_the_next_item);
	RUN(test_zero_crossfade_cuts);
	RUN(test_clock_past_32_bits);
	return failures_ != 0;
}
