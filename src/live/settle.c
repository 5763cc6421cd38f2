#include "live/settle.h"

void settle_init(struct settle *s, uint64_t quiet_ms, uint64_t read)
{
	*s = (struct settle){.quiet_ms = quiet_ms, .read_look = read};
}

void settle_changed(struct settle *s, uint64_t now)
{
	s->pending = true;
	s->last_ms = now;
	s->looked = false;
}

void settle_forget(struct settle *s)
{
	s->pending = false;
	s->looked = false;
}

uint64_t settle_due(const struct settle *s)
{
	if (!s->pending)
		return UINT64_MAX;
	/* The first look comes SETTLE_LOOK_MS before the quiet time is over, so
	 * the second one, which decides, comes as it ends. */
	uint64_t quiet_end = s->last_ms + s->quiet_ms;
	if (!s->looked)
		return quiet_end - (s->quiet_ms < SETTLE_LOOK_MS ? s->quiet_ms : SETTLE_LOOK_MS);
	uint64_t second = s->look_ms + SETTLE_LOOK_MS;
	return second > quiet_end ? second : quiet_end;
}

bool settle_look(struct settle *s, uint64_t now, uint64_t fingerprint)
{
	if (!s->pending || now < settle_due(s))
		return false;
	if (!s->looked || fingerprint != s->look) { /* first look, or still changing */
		s->looked = true;
		s->look_ms = now;
		s->look = fingerprint;
		return false;
	}
	s->pending = false;
	s->looked = false;
	if (fingerprint == s->read_look)
		return false; /* changed and changed back: nothing to read */
	s->read_look = fingerprint;
	return true;
}
