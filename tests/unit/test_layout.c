/* Layout arithmetic: sizes, regions and legibility at the three reference screens. */
#include "render/contrast.h"
#include "base/layout.h"
#include "test.h"
#include "render/theme.h"

static int failures_;

static int inside(struct rect in, struct rect out)
{
	return in.x >= out.x && in.y >= out.y && in.x + in.w <= out.x + out.w &&
	       in.y + in.h <= out.y + out.h;
}

static void test_scale_follows_short_side(void)
{
	struct layout hd = layout_compute(1920, 1080), uhd = layout_compute(3840, 2160);
	struct layout port = layout_compute(1080, 1920);
	CHECK(hd.u == 1.0);
	CHECK(uhd.u == 2.0);
	CHECK(port.u == 1.0);
	CHECK_INT(uhd.size_body, hd.size_body * 2);
	CHECK_INT(uhd.margin, hd.margin * 2);
	CHECK(port.portrait && !hd.portrait);
}

static void test_body_text_at_least_28px_at_1080p(void)
{
	struct layout l = layout_compute(1920, 1080);
	CHECK(l.size_body >= 28);
	CHECK(l.size_small >= 28);
	CHECK(l.size_sub >= 28);
	struct layout p = layout_compute(1080, 1920);
	CHECK(p.size_body >= 28 && p.size_small >= 28);
}

/* Large text: every reading text about a third larger (1.25-1.35x) at
 * every size, the buttons' words and the regions as they were. */
static void test_large_text_sizes(void)
{
	const int sizes[][2] = {{1920, 1080}, {3840, 2160}, {1080, 1920}};
	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		struct layout n = layout_compute(sizes[i][0], sizes[i][1]);
		struct layout l = layout_compute_text(sizes[i][0], sizes[i][1], LAYOUT_TEXT_LARGE);
		CHECK_INT(n.text, LAYOUT_TEXT_NORMAL);
		CHECK_INT(l.text, LAYOUT_TEXT_LARGE);
		const int pairs[][2] = {{n.size_body, l.size_body},
		                        {n.size_small, l.size_small},
		                        {n.size_sub, l.size_sub},
		                        {n.size_heading, l.size_heading},
		                        {n.size_year, l.size_year},
		                        {n.size_name, l.size_name},
		                        {layout_text_px(&n, 38), layout_text_px(&l, 38)}};
		for (size_t k = 0; k < sizeof pairs / sizeof pairs[0]; k++) {
			CHECK(pairs[k][1] * 100 >= pairs[k][0] * 125);
			CHECK(pairs[k][1] * 100 <= pairs[k][0] * 135);
		}
		CHECK_INT(l.size_button, n.size_button);
		CHECK_INT(layout_px(&l, 80), layout_px(&n, 80));
		CHECK_INT(l.margin, n.margin);
		CHECK(l.panel.y == n.panel.y && l.stage.h == n.stage.h && l.text_w == n.text_w);
		CHECK(l.caption_lines > n.caption_lines && l.credit_lines > n.credit_lines);
		struct layout same =
		    layout_compute_text(sizes[i][0], sizes[i][1], LAYOUT_TEXT_NORMAL);
		CHECK_INT(same.size_body, n.size_body);
	}
}

static void test_regions_stay_on_screen(void)
{
	const int sizes[][2] = {
	    {1920, 1080}, {3840, 2160}, {1080, 1920}, {1280, 720}, {1024, 1280}};
	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		struct layout l = layout_compute(sizes[i][0], sizes[i][1]);
		struct rect screen = {0, 0, l.w, l.h};
		CHECK(inside(l.panel, screen));
		CHECK(inside(l.stage, screen));
		CHECK(inside(l.photo, screen));
		CHECK(l.panel.h > 0 && l.stage.h > 0);
		CHECK(l.stage.y + l.stage.h <= l.panel.y); /* stage above the text panel */
		CHECK(l.scrim_top < l.panel.y);            /* the scrim is full behind text */
		CHECK(l.text_w <= l.panel.w);
		CHECK(l.panel.x >= l.margin && l.w - (l.panel.x + l.panel.w) >= l.margin);
	}
}

static void test_portrait_photo_on_top_text_below(void)
{
	struct layout l = layout_compute(1080, 1920);
	CHECK_INT(l.photo.y, 0);
	CHECK_INT(l.photo.w, 1080);
	CHECK(l.photo.h < 1920 * 2 / 3);
	CHECK(l.panel.y >= l.photo.y + l.photo.h);
	struct layout w = layout_compute(1920, 1080);
	CHECK_INT(w.photo.h, 1080); /* landscape: photo fills the screen */
}

static void test_text_contrast_over_any_photo(void)
{
	/* WCAG AA asks 4.5:1 for body text; the panel must give it over white. */
	struct layout l = layout_compute(1920, 1080);
	const struct rgb colors[] = {theme.text, theme.text_soft, theme.accent};
	for (size_t i = 0; i < sizeof colors / sizeof colors[0]; i++)
		CHECK(contrast_worst_over_scrim(colors[i], theme.scrim, l.scrim_alpha) >= 4.5);
	/* And the check itself tells: white text on a weak scrim over white fails. */
	CHECK(contrast_worst_over_scrim(theme.text, theme.scrim, 60) < 4.5);
}

static void test_contrast_ratio_known_values(void)
{
	struct rgb black = {0, 0, 0}, white = {255, 255, 255}, grey = {119, 119, 119};
	CHECK(contrast_ratio(black, white) > 20.99 && contrast_ratio(black, white) < 21.01);
	CHECK(contrast_ratio(white, white) == 1.0);
	/* #777 on white is the classic just-below-AA example: 4.48:1. */
	double r = contrast_ratio(grey, white);
	CHECK(r > 4.4 && r < 4.5);
}

static void test_cover_crops_centrally(void)
{
	struct rect dst = {0, 0, 1920, 1080};
	struct rect c = layout_cover(1920, 1280, dst); /* 3:2 into 16:9: crop top/bottom */
	CHECK_INT(c.x, 0);
	CHECK_INT(c.w, 1920);
	CHECK_INT(c.h, 1080);
	CHECK_INT(c.y, 100);
	struct rect p = layout_cover(1920, 1280, (struct rect){0, 0, 1080, 1075});
	CHECK_INT(p.h, 1280);
	CHECK(p.w >= 1283 && p.w <= 1287); /* 1280 * 1080 / 1075 */
	CHECK_INT(p.x, (1920 - p.w) / 2);
	struct rect same = layout_cover(800, 600, (struct rect){0, 0, 400, 300});
	CHECK_INT(same.w, 800);
	CHECK_INT(same.h, 600);
}

static void test_contain_fits_and_centres(void)
{
	struct rect box = {100, 50, 800, 600};
	struct rect r = layout_contain(1600, 600, box); /* wide image */
	CHECK_INT(r.w, 800);
	CHECK_INT(r.h, 300);
	CHECK_INT(r.x, 100);
	CHECK_INT(r.y, 50 + 150);
	struct rect t = layout_contain(300, 600, box); /* tall image */
	CHECK_INT(t.h, 600);
	CHECK_INT(t.w, 300);
	CHECK_INT(t.x, 100 + 250);
	struct rect z = layout_contain(0, 10, box);
	CHECK_INT(z.w, 0);
}

int main(void)
{
	RUN(test_scale_follows_short_side);
	RUN(test_body_text_at_least_28px_at_1080p);
	RUN(test_large_text_sizes);
	RUN(test_regions_stay_on_screen);
	RUN(test_portrait_photo_on_top_text_below);
	RUN(test_text_contrast_over_any_photo);
	RUN(test_contrast_ratio_known_values);
	RUN(test_cover_crops_centrally);
	RUN(test_contain_fits_and_centres);
	return failures_ != 0;
}
