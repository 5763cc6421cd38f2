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
