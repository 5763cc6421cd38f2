#include "input/pin_pad.h"

#include <string.h>

void pin_pad_init(struct pin_pad *p)
{
	*p = (struct pin_pad){.state = PIN_PAD_CLOSED};
}

static void clear_typed(struct pin_pad *p)
{
	memset(p->typed, 0, sizeof p->typed);
	p->len = 0;
}

enum pin_pad_state pin_pad_open(struct pin_pad *p, const char *pin, uint64_t now)
{
	clear_typed(p);
	p->last_input = now;
	if (!pin || !pin[0])
		p->state = PIN_PAD_ACCEPTED;
	else if (now < p->locked_until)
		p->state = PIN_PAD_LOCKED;
	else
		p->state = PIN_PAD_ENTERING;
	return p->state;
}

/* Compares all of both, whatever the first difference: how long a wrong
 * PIN takes says nothing of how much of it was right. */
static bool same_pin(const char *typed, int len, const char *pin)
{
	size_t n = strlen(pin);
	unsigned diff = (size_t)len != n;
	for (size_t i = 0; i < PIN_PAD_MAX; i++) {
		char a = i < (size_t)len ? typed[i] : 0, b = i < n ? pin[i] : 0;
		diff |= (unsigned)(a ^ b);
	}
	return diff == 0;
}

static void judge(struct pin_pad *p, const char *pin, uint64_t now)
{
	if (same_pin(p->typed, p->len, pin)) {
		p->wrong = 0;
		p->state = PIN_PAD_ACCEPTED;
	} else if (++p->wrong >= PIN_PAD_TRIES) {
		p->wrong = 0;
		p->locked_until = now + PIN_PAD_LOCK_MS;
		p->state = PIN_PAD_LOCKED;
	} else {
		p->wrong_until = now + PIN_PAD_WRONG_MS;
		p->state = PIN_PAD_WRONG;
	}
	clear_typed(p);
}

enum pin_pad_state pin_pad_key(struct pin_pad *p, enum pin_pad_key key, int digit, const char *pin,
                               uint64_t now)
{
	if (!pin_pad_shown(p))
		return p->state;
	p->last_input = now;
	if (key == PIN_KEY_CANCEL) {
		pin_pad_close(p);
		return p->state;
	}
	if (p->state == PIN_PAD_LOCKED)
		return p->state;
	if (p->state == PIN_PAD_WRONG) /* a key starts the next try at once */
		p->state = PIN_PAD_ENTERING;
	switch (key) {
	case PIN_KEY_DIGIT:
		if (digit >= 0 && digit <= 9 && p->len < PIN_PAD_MAX)
			p->typed[p->len++] = (char)('0' + digit);
		break;
	case PIN_KEY_ERASE:
		if (p->len > 0)
			p->typed[--p->len] = '\0';
		break;
	case PIN_KEY_OK:
		if (p->len > 0)
			judge(p, pin ? pin : "", now);
		break;
	case PIN_KEY_CANCEL:
		break;
	}
	return p->state;
}

enum pin_pad_state pin_pad_tick(struct pin_pad *p, uint64_t now)
{
	if (p->state == PIN_PAD_WRONG && now >= p->wrong_until)
		p->state = PIN_PAD_ENTERING;
	if (p->state == PIN_PAD_LOCKED && now >= p->locked_until)
		p->state = PIN_PAD_ENTERING;
	if (pin_pad_shown(p) && now >= p->last_input + PIN_PAD_IDLE_MS)
		pin_pad_close(p);
	return p->state;
}

void pin_pad_close(struct pin_pad *p)
{
	clear_typed(p);
	p->state = PIN_PAD_CLOSED;
}

uint64_t pin_pad_deadline(const struct pin_pad *p)
{
	if (!pin_pad_shown(p))
		return UINT64_MAX;
	uint64_t t = p->last_input + PIN_PAD_IDLE_MS;
	if (p->state == PIN_PAD_WRONG && p->wrong_until < t)
		t = p->wrong_until;
	if (p->state == PIN_PAD_LOCKED && p->locked_until < t)
		t = p->locked_until;
	return t;
}

bool pin_pad_shown(const struct pin_pad *p)
{
	return p->state == PIN_PAD_ENTERING || p->state == PIN_PAD_WRONG ||
	       p->state == PIN_PAD_LOCKED;
}
