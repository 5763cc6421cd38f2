#include "ui/attract.h"

static size_t city_items(const struct city *c)
{
	size_t n = c->n_photos ? c->n_photos : 1;
	return n + (c->n_history ? 1 : 0) + c->n_gifts;
}

size_t attract_cycle_length(const struct hall *h)
{
	size_t n = 0;
	for (size_t i = 0; i < h->n_cities; i++)
		n += city_items(&h->cities[i]);
	return n;
}

struct attract_item attract_item_at(const struct hall *h, uint64_t seq)
{
	struct attract_item it = {ATTRACT_CITY, 0, 0, seq};
	size_t len = attract_cycle_length(h);
	if (len == 0)
		return it;
	uint64_t pass = seq / len;
	size_t k = (size_t)(seq % len);
	for (size_t i = 0; i < h->n_cities; i++) {
		const struct city *c = &h->cities[i];
		size_t n = city_items(c);
		if (k >= n) {
			k -= n;
			continue;
		}
		it.city = i;
		size_t photos = c->n_photos ? c->n_photos : 1;
		if (k < photos) {
			it.kind = c->n_photos ? ATTRACT_PHOTO : ATTRACT_CITY;
			it.index = k;
		} else if (c->n_history && k == photos) {
			it.kind = ATTRACT_HISTORY;
			it.index = (size_t)(pass % c->n_history);
		} else {
			it.kind = ATTRACT_GIFT;
			it.index = k - photos - (c->n_history ? 1 : 0);
		}
		break;
	}
	return it;
}

struct attract_state attract_begin(uint64_t now_ms)
{
	return (struct attract_state){0, ATTRACT_HOLD, now_ms};
}

bool attract_step(struct attract_state *s, uint64_t now_ms, uint64_t hold_ms, uint64_t fade_ms,
                  bool next_ready)
{
	if (s->phase == ATTRACT_HOLD) {
		if (now_ms - s->since_ms < hold_ms || !next_ready)
			return false;
		s->phase = ATTRACT_FADE;
		s->since_ms = now_ms;
		if (fade_ms > 0)
			return true;
	}
	if (now_ms - s->since_ms < fade_ms)
		return true; /* mid-fade: the picture moves every frame */
	s->seq++;
	s->phase = ATTRACT_HOLD;
	s->since_ms += fade_ms;
	return true;
}

int attract_fade_permille(const struct attract_state *s, uint64_t now_ms, uint64_t fade_ms)
{
	if (s->phase != ATTRACT_FADE || fade_ms == 0)
		return 0;
	uint64_t t = now_ms - s->since_ms;
	if (t >= fade_ms)
		return 1000;
	/* Smoothstep easing, in integers: 3x^2 - 2x^3 with x in thousandths. */
	long long x = (long long)(t * 1000 / fade_ms);
	return (int)((3 * x * x * 1000 - 2 * x * x * x) / 1000000);
}

uint64_t attract_deadline(const struct attract_state *s, uint64_t now_ms, uint64_t hold_ms)
{
	if (s->phase == ATTRACT_FADE)
		return now_ms;
	uint64_t end = s->since_ms + hold_ms;
	return end > now_ms ? end : now_ms;
}
