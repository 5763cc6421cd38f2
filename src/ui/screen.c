#include "ui/screen.h"

const struct screen_ops *screen_of(enum nav_screen s)
{
	switch (s) {
	case NAV_HOME:
		return &screen_home;
	case NAV_PHOTOS:
		return &screen_photos;
	case NAV_HISTORY:
		return &screen_history;
	case NAV_GIFTS:
		return &screen_gifts;
	case NAV_GIFT:
		return &screen_gift;
	case NAV_ATTRACT:
		break;
	}
	return NULL;
}

void screen_enter(const struct screen_ops *s, struct ui *ui)
{
	if (s->enter)
		s->enter(ui);
}

bool screen_gesture(const struct screen_ops *s, struct ui *ui, const struct gesture *g,
                    struct nav_event *ev)
{
	return s->gesture && s->gesture(ui, g, ev);
}

bool screen_moving(const struct screen_ops *s, const struct ui *ui)
{
	return s->moving && s->moving(ui);
}
