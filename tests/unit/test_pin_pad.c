/* The staff PIN's keypad: every state (CLOSED, ENTERING, WRONG, LOCKED,
 * ACCEPTED) with the keys and the clock. The right PIN opens; a wrong one
 * is said and typing goes on; five in a row lock the keypad for a minute,
 * which closing it does not undo; no PIN set opens at once. */
#include "input/pin_pad.h"
#include "test.h"

static int failures_;

static enum pin_pad_state type(struct pin_pad *p, const char *digits, const char *pin, uint64_t now)
{
	for (const char *d = digits; *d; d++)
		pin_pad_key(p, PIN_KEY_DIGIT, *d - '0', pin, now);
	return pin_pad_key(p, PIN_KEY_OK, 0, pin, now);
}

static void test_right_pin_opens(void)
{
	struct pin_pad p;
	pin_pad_init(&p);
	CHECK(!pin_pad_shown(&p));
	CHECK_INT(pin_pad_deadline(&p) == UINT64_MAX, 1);
	CHECK_INT(pin_pad_open(&p, "0481", 1000), PIN_PAD_ENTERING);
	CHECK(pin_pad_shown(&p));
	CHECK_INT(type(&p, "0481", "0481", 2000), PIN_PAD_ACCEPTED);
	CHECK(!pin_pad_shown(&p));
	CHECK_INT(p.len, 0); /* nothing typed is kept */
	pin_pad_close(&p);
	CHECK_INT(p.state, PIN_PAD_CLOSED);
}

static void test_no_pin_set_opens_at_once(void)
{
	struct pin_pad p;
	pin_pad_init(&p);
	CHECK_INT(pin_pad_open(&p, "", 0), PIN_PAD_ACCEPTED);
	CHECK_INT(pin_pad_open(&p, NULL, 0), PIN_PAD_ACCEPTED);
}

static void test_erase_and_limits(void)
{
	struct pin_pad p;
	pin_pad_init(&p);
	pin_pad_open(&p, "1234", 0);
	pin_pad_key(&p, PIN_KEY_DIGIT, 9, "1234", 1);
	pin_pad_key(&p, PIN_KEY_ERASE, 0, "1234", 2);
	pin_pad_key(&p, PIN_KEY_ERASE, 0, "1234", 3); /* nothing left to erase */
	CHECK_INT(p.len, 0);
	CHECK_INT(pin_pad_key(&p, PIN_KEY_OK, 0, "1234", 4), PIN_PAD_ENTERING); /* empty: no try */
	CHECK_INT(p.wrong, 0);
	for (int i = 0; i < 12; i++)
		pin_pad_key(&p, PIN_KEY_DIGIT, 1, "1234", 5);
	CHECK_INT(p.len, PIN_PAD_MAX);
	pin_pad_key(&p, PIN_KEY_DIGIT, 10, "1234", 6); /* not a digit */
	CHECK_INT(p.len, PIN_PAD_MAX);
	/* a prefix or a longer PIN is wrong */
	pin_pad_key(&p, PIN_KEY_CANCEL, 0, "1234", 7);
	pin_pad_open(&p, "1234", 8);
	CHECK_INT(type(&p, "123", "1234", 9), PIN_PAD_WRONG);
	CHECK_INT(type(&p, "12345", "1234", 10), PIN_PAD_WRONG);
}

static void test_wrong_is_said_then_typing_goes_on(void)
{
	struct pin_pad p;
	pin_pad_init(&p);
	pin_pad_open(&p, "2468", 0);
	CHECK_INT(type(&p, "1111", "2468", 100), PIN_PAD_WRONG);
	CHECK_INT(pin_pad_deadline(&p), 100 + PIN_PAD_WRONG_MS);
	CHECK_INT(pin_pad_tick(&p, 100 + PIN_PAD_WRONG_MS - 1), PIN_PAD_WRONG);
	CHECK_INT(pin_pad_tick(&p, 100 + PIN_PAD_WRONG_MS), PIN_PAD_ENTERING);
	/* a key while "wrong" is said starts the next try */
	CHECK_INT(type(&p, "1111", "2468", 2000), PIN_PAD_WRONG);
	CHECK_INT(pin_pad_key(&p, PIN_KEY_DIGIT, 2, "2468", 2100), PIN_PAD_ENTERING);
	CHECK_INT(type(&p, "468", "2468", 2200), PIN_PAD_ACCEPTED);
	CHECK_INT(p.wrong, 0);
}

static void test_five_wrong_lock_for_a_minute(void)
{
	struct pin_pad p;
	pin_pad_init(&p);
	pin_pad_open(&p, "2468", 0);
	for (int i = 0; i < PIN_PAD_TRIES - 1; i++)
		CHECK_INT(type(&p, "0000", "2468", 10), PIN_PAD_WRONG);
	CHECK_INT(type(&p, "0000", "2468", 1000), PIN_PAD_LOCKED);
	uint64_t end = 1000 + PIN_PAD_LOCK_MS;
	CHECK_INT(p.locked_until, end);
	/* the right PIN does nothing while locked */
	CHECK_INT(type(&p, "2468", "2468", 2000), PIN_PAD_LOCKED);
	/* closing and holding the corner again does not undo the lock */
	CHECK_INT(pin_pad_key(&p, PIN_KEY_CANCEL, 0, "2468", 3000), PIN_PAD_CLOSED);
	CHECK_INT(pin_pad_open(&p, "2468", 4000), PIN_PAD_LOCKED);
	/* left alone, the locked keypad closes before the lock ends */
	CHECK_INT(pin_pad_deadline(&p), 4000 + PIN_PAD_IDLE_MS);
	CHECK_INT(pin_pad_tick(&p, 4000 + PIN_PAD_IDLE_MS), PIN_PAD_CLOSED);
	CHECK_INT(pin_pad_open(&p, "2468", end - 1), PIN_PAD_LOCKED);
	CHECK_INT(pin_pad_deadline(&p), end);
	CHECK_INT(pin_pad_tick(&p, end), PIN_PAD_ENTERING);
	CHECK_INT(type(&p, "2468", "2468", end + 10), PIN_PAD_ACCEPTED);
	/* and after a lock, five tries again */
	pin_pad_close(&p);
	pin_pad_open(&p, "2468", end + 100);
	for (int i = 0; i < PIN_PAD_TRIES - 1; i++)
		CHECK_INT(type(&p, "0000", "2468", end + 200), PIN_PAD_WRONG);
}

static void test_left_alone_closes(void)
{
	struct pin_pad p;
	pin_pad_init(&p);
	pin_pad_open(&p, "2468", 0);
	pin_pad_key(&p, PIN_KEY_DIGIT, 2, "2468", 5000);
	CHECK_INT(pin_pad_deadline(&p), 5000 + PIN_PAD_IDLE_MS);
	CHECK_INT(pin_pad_tick(&p, 5000 + PIN_PAD_IDLE_MS - 1), PIN_PAD_ENTERING);
	CHECK_INT(pin_pad_tick(&p, 5000 + PIN_PAD_IDLE_MS), PIN_PAD_CLOSED);
	CHECK_INT(p.len, 0);
	/* keys to a closed pad do nothing */
	CHECK_INT(pin_pad_key(&p, PIN_KEY_DIGIT, 2, "2468", 40000), PIN_PAD_CLOSED);
	CHECK_INT(pin_pad_key(&p, PIN_KEY_OK, 0, "2468", 40000), PIN_PAD_CLOSED);
	CHECK_INT(p.len, 0);
}

int main(void)
{
	RUN(test_right_pin_opens);
	RUN(test_no_pin_set_opens_at_once);
	RUN(test_erase_and_limits);
	RUN(test_wrong_is_said_then_typing_goes_on);
	RUN(test_five_wrong_lock_for_a_minute);
	RUN(test_left_alone_closes);
	return failures_ ? 1 : 0;
}
