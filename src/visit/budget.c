#include "visit/budget.h"

struct budget budget_for(int w, int h)
{
	size_t screen = (size_t)(w < 1 ? 1 : w) * (size_t)(h < 1 ? 1 : h) * 4;
	size_t texts = BUDGET_TEXT_SCREENS * screen;
	return (struct budget){
	    .images = BUDGET_IMAGE_SCREENS * screen,
	    .texts = texts < BUDGET_TEXT_MIN ? BUDGET_TEXT_MIN : texts,
	};
}
