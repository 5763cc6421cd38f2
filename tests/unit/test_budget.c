/* The visit's texture budgets follow the screen: three screenfuls of
 * images (the photo shown and both neighbours, each as large as the
 * screen, all fit), a screenful of text, never less than the floor. */
#include "test.h"
#include "visit/budget.h"

static int failures_;

static size_t screen(int w, int h)
{
	return (size_t)w * (size_t)h * 4;
}

static void test_three_full_screen_photos_fit(void)
{
	static const int sizes[][2] = {{1920, 1080}, {1080, 1920}, {3840, 2160}, {1280, 800}};
	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		int w = sizes[i][0], h = sizes[i][1];
		struct budget b = budget_for(w, h);
		CHECK(b.images >= 3 * screen(w, h));
		CHECK(b.images < 4 * screen(w, h)); /* no fourth one held for nobody */
	}
}

static void test_text_is_a_screenful(void)
{
	struct budget hd = budget_for(1920, 1080), uhd = budget_for(3840, 2160);
	CHECK_INT(hd.texts, screen(1920, 1080)); /* 7.9 MiB, was 16 MiB at every size */
	CHECK_INT(uhd.texts, 4 * hd.texts);      /* 4K text is four times the pixels */
	CHECK_INT(budget_for(1080, 1920).texts, hd.texts);
}

static void test_small_or_broken_sizes_keep_a_floor(void)
{
	CHECK_INT(budget_for(320, 240).texts, BUDGET_TEXT_MIN);
	struct budget none = budget_for(0, -5);
	CHECK_INT(none.texts, BUDGET_TEXT_MIN);
	CHECK(none.images >= 4); /* a pixel's worth, never zero */
}

int main(void)
{
	RUN(test_three_full_screen_photos_fit);
	RUN(test_text_is_a_screenful);
	RUN(test_small_or_broken_sizes_keep_a_floor);
	return failures_ != 0;
}
