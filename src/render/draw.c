#include "render/draw.h"

#include <math.h>

/* The software renderer rasterises SDL_RenderGeometry per pixel with colour
 * interpolation (more than a frame for a 1080p gradient) and allocates a surface
 * per blended triangle. Every shape here is made of filled rectangles
 * instead, which it fills at memory speed: a gradient is a run of bands of
 * one colour each, a disc a run of rows. */

static Uint8 lerp8(Uint8 a, Uint8 b, double t)
{
	return (Uint8)lround(a + (b - a) * t);
}

static void fill_rect(SDL_Renderer *ren, int x, int y, int w, int h)
{
	SDL_Rect sr = {x, y, w, h};
	SDL_RenderFillRect(ren, &sr);
}

static void set_colour(SDL_Renderer *ren, struct rgb c, Uint8 a)
{
	SDL_SetRenderDrawBlendMode(ren, a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
	SDL_SetRenderDrawColor(ren, c.r, c.g, c.b, a);
}

void draw_gradient(SDL_Renderer *ren, struct rect r, struct rgb top, Uint8 a_top, struct rgb bottom,
                   Uint8 a_bottom)
{
	/* Rows are coloured at their centres and rounded to 8 bits, so rows
	 * of one rounded colour make one band: a few dozen fills. */
	int band = 0;
	struct rgb cur = {0, 0, 0};
	Uint8 cur_a = 0;
	for (int i = 0; i <= r.h; i++) {
		struct rgb c = cur;
		Uint8 a = cur_a;
		if (i < r.h) {
			double t = (i + 0.5) / r.h;
			c = (struct rgb){lerp8(top.r, bottom.r, t), lerp8(top.g, bottom.g, t),
			                 lerp8(top.b, bottom.b, t)};
			a = lerp8(a_top, a_bottom, t);
		}
		bool same = c.r == cur.r && c.g == cur.g && c.b == cur.b && a == cur_a;
		if (i > 0 && same && i < r.h)
			continue;
		if (i > band && cur_a > 0) {
			set_colour(ren, cur, cur_a);
			fill_rect(ren, r.x, r.y + band, r.w, i - band);
		}
		band = i;
		cur = c;
		cur_a = a;
	}
}

void draw_gradient_h(SDL_Renderer *ren, struct rect r, struct rgb c, Uint8 a_left, Uint8 a_right)
{
	/* Columns of one rounded alpha make one band, as in draw_gradient. */
	int band = 0;
	Uint8 cur = 0;
	for (int i = 0; i <= r.w; i++) {
		Uint8 a = i < r.w ? lerp8(a_left, a_right, (i + 0.5) / r.w) : cur;
		if (i > 0 && a == cur && i < r.w)
			continue;
		if (i > band && cur > 0) {
			set_colour(ren, c, cur);
			fill_rect(ren, r.x + band, r.y, i - band, r.h);
		}
		band = i;
		cur = a;
	}
}

void draw_fill(SDL_Renderer *ren, struct rect r, struct rgb c, Uint8 a)
{
	set_colour(ren, c, a);
	fill_rect(ren, r.x, r.y, r.w, r.h);
}

/* Row by row, a rectangle x..x+w of height 2*radius with ends rounded to
 * half discs of that radius: a disc when w is 2*radius, a pill when more.
 * Rows of one width are filled together; no pixel is filled twice, so a
 * translucent shape blends evenly. */
static void rounded_rows(SDL_Renderer *ren, float x, float y, float w, float radius, struct rgb c,
                         Uint8 a)
{
	if (radius <= 0 || w <= 0)
		return;
	set_colour(ren, c, a);
	int rows = (int)lroundf(2 * radius);
	int top = (int)lroundf(y), run = 0, run_x0 = 0, run_x1 = 0;
	for (int i = 0; i <= rows; i++) {
		int x0 = 0, x1 = 0;
		if (i < rows) {
			float dy = (float)i + 0.5f - radius;
			float half = sqrtf(fmaxf(radius * radius - dy * dy, 0));
			x0 = (int)lroundf(x + radius - half);
			x1 = (int)lroundf(x + w - radius + half);
		}
		if (i > 0 && i < rows && x0 == run_x0 && x1 == run_x1)
			continue;
		if (i > run && run_x1 > run_x0)
			fill_rect(ren, run_x0, top + run, run_x1 - run_x0, i - run);
		run = i;
		run_x0 = x0;
		run_x1 = x1;
	}
}

void draw_circle(SDL_Renderer *ren, int cx, int cy, int radius, struct rgb c, Uint8 a)
{
	rounded_rows(ren, (float)(cx - radius), (float)(cy - radius), 2.0f * (float)radius,
	             (float)radius, c, a);
}

void draw_polyline(SDL_Renderer *ren, const float *xy, int n, float thick, struct rgb c, Uint8 a)
{
	SDL_Color col = {c.r, c.g, c.b, a};
	for (int i = 0; i + 1 < n; i++) {
		float x0 = xy[2 * i], y0 = xy[2 * i + 1], x1 = xy[2 * i + 2], y1 = xy[2 * i + 3];
		float dx = x1 - x0, dy = y1 - y0, len = sqrtf(dx * dx + dy * dy);
		if (len < 1e-3f)
			continue;
		float nx = -dy / len * thick / 2, ny = dx / len * thick / 2;
		SDL_Vertex v[4] = {{{x0 + nx, y0 + ny}, col, {0, 0}},
		                   {{x0 - nx, y0 - ny}, col, {0, 0}},
		                   {{x1 + nx, y1 + ny}, col, {0, 0}},
		                   {{x1 - nx, y1 - ny}, col, {0, 0}}};
		static const int idx[6] = {0, 1, 2, 1, 3, 2};
		SDL_RenderGeometry(ren, NULL, v, 4, idx, 6);
	}
}

void draw_ring(SDL_Renderer *ren, int cx, int cy, int radius, int thickness, double fraction,
               struct rgb c)
{
	/* Discs close enough to overlap make the line: opaque, so overlaps
	 * do not show. */
	if (fraction <= 0 || radius <= 0)
		return;
	if (fraction > 1)
		fraction = 1;
	int dot = thickness > 1 ? thickness / 2 : 1;
	int n = (int)ceil(2 * M_PI * radius / (dot * 0.75) * fraction);
	for (int i = 0; i <= n; i++) {
		double a = 2 * M_PI * fraction * i / (n > 0 ? n : 1);
		int x = cx + (int)lround(radius * sin(a)), y = cy - (int)lround(radius * cos(a));
		draw_circle(ren, x, y, dot, c, 255);
	}
}

void draw_pill(SDL_Renderer *ren, struct rect r, struct rgb c, Uint8 a)
{
	float rad = r.h / 2.0f;
	rounded_rows(ren, (float)r.x, (float)r.y, (float)(r.w < r.h ? r.h : r.w), rad, c, a);
}

void draw_chevron(SDL_Renderer *ren, int cx, int cy, int size, int thick, enum draw_dir dir,
                  struct rgb c, Uint8 a)
{
	/* Two 45-degree strokes meeting at the tip: along each row (each
	 * column for DOWN) the stroke is thick * sqrt(2) wide. The rows of the
	 * two arms never overlap, so a translucent chevron blends evenly. */
	int half = (int)lround(size / M_SQRT2), run = (int)lround(thick * M_SQRT2);
	set_colour(ren, c, a);
	for (int i = -half; i < half; i++) {
		int off = half / 2 - (i < 0 ? -i : i + 1); /* the tip leads by half/2 */
		if (dir == DRAW_RIGHT)
			fill_rect(ren, cx + off - run, cy + i, run, 1);
		else if (dir == DRAW_LEFT)
			fill_rect(ren, cx - off, cy + i, run, 1);
		else
			fill_rect(ren, cx + i, cy + off - run, 1, run);
	}
}

/* The corner above a side strip: columns in bands, each a vertical fade
 * to the alpha the side strip has there. */
static void soft_corner(SDL_Renderer *ren, int x, int y, int soft, bool to_right, struct rgb c,
                        Uint8 a)
{
	enum { BANDS = 12 };
	for (int k = 0; k < BANDS; k++) {
		int x0 = soft * k / BANDS, x1 = soft * (k + 1) / BANDS;
		double t = (k + 0.5) / BANDS; /* 0 at the outer edge */
		Uint8 top = (Uint8)lround(a * (to_right ? 1 - t : t));
		draw_gradient(ren, (struct rect){x + x0, y, x1 - x0, soft}, c, 0, c, top);
	}
}

void draw_soft_box(SDL_Renderer *ren, struct rect body, int soft, bool left, bool right,
                   struct rgb c, Uint8 a)
{
	draw_fill(ren, body, c, a);
	draw_gradient(ren, (struct rect){body.x, body.y - soft, body.w, soft}, c, 0, c, a);
	if (right) {
		draw_gradient_h(ren, (struct rect){body.x + body.w, body.y, soft, body.h}, c, a, 0);
		soft_corner(ren, body.x + body.w, body.y - soft, soft, true, c, a);
	}
	if (left) {
		draw_gradient_h(ren, (struct rect){body.x - soft, body.y, soft, body.h}, c, 0, a);
		soft_corner(ren, body.x - soft, body.y - soft, soft, false, c, a);
	}
}

SDL_Texture *draw_layer_new(SDL_Renderer *ren, int w, int h)
{
	return SDL_CreateTexture(ren, SDL_PIXELFORMAT_RGB888, SDL_TEXTUREACCESS_TARGET, w, h);
}

void draw_texture(SDL_Renderer *ren, SDL_Texture *tex, struct rect dst)
{
	SDL_Rect d = {dst.x, dst.y, dst.w, dst.h};
	SDL_RenderCopy(ren, tex, NULL, &d);
}
