#include "ui/home_map.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/geo.h"
#include "base/log.h"
#include "render/draw.h"
#include "render/land.h"
#include "render/theme.h"
#include "text/home_card.h"
#include "text/ui_text.h"

/* Calm from two metres: a sea a shade off the backdrop, dark muted land,
 * thin warm arcs. */
static const struct rgb sea = {20, 27, 38};
static const struct rgb land_colour = {50, 60, 72};

enum { ARC_STEPS = 48, MAX_PLACES = HOME_ROOM + 1 };

struct home_map {
	struct land *land;
	SDL_Texture *tex; /* the land of view, drawn at view.r */
	struct geo_view view;
	SDL_Renderer *ren; /* tex's renderer */
};

struct home_map *home_map_new(void)
{
	struct home_map *m = calloc(1, sizeof *m);
	if (m && !(m->land = land_load_default()))
		log_warning("cannot read the map's land (assets/map/land.txt): the home map shows "
		            "the sea alone");
	return m;
}

void home_map_free(struct home_map *m)
{
	if (!m)
		return;
	if (m->tex)
		SDL_DestroyTexture(m->tex);
	land_free(m->land);
	free(m);
}

static bool same_view(const struct geo_view *a, const struct geo_view *b)
{
	return a->lon0 == b->lon0 && a->lon1 == b->lon1 && a->lat0 == b->lat0 &&
	       a->lat1 == b->lat1 && a->r.x == b->r.x && a->r.y == b->r.y && a->r.w == b->r.w &&
	       a->r.h == b->r.h;
}

/* The land of v as a texture of the land colour, its alpha the coverage. */
static SDL_Texture *land_texture(SDL_Renderer *ren, const struct land *land,
                                 const struct geo_view *v)
{
	int w = v->r.w, h = v->r.h;
	uint8_t *mask = malloc((size_t)w * (size_t)h);
	SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
	SDL_Texture *tex = NULL;
	if (!mask || !s)
		goto end;
	land_mask(land, v, mask);
	for (int y = 0; y < h; y++) {
		Uint32 *row = (Uint32 *)((Uint8 *)s->pixels + (size_t)y * (size_t)s->pitch);
		for (int x = 0; x < w; x++)
			row[x] = (Uint32)mask[(size_t)y * (size_t)w + (size_t)x] << 24 |
			         (Uint32)land_colour.r << 16 | (Uint32)land_colour.g << 8 |
			         land_colour.b;
	}
	tex = SDL_CreateTextureFromSurface(ren, s);
	if (tex)
		SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_BLEND);
end:
	SDL_FreeSurface(s);
	free(mask);
	return tex;
}

/* The great circle from a to b in v, as x, y pairs into xy. */
static void arc(const struct geo_view *v, struct geo_point a, struct geo_point b, float *xy)
{
	for (int i = 0; i <= ARC_STEPS; i++) {
		double x, y;
		geo_project(v, geo_along(a, b, (double)i / ARC_STEPS), &x, &y);
		xy[2 * i] = (float)x;
		xy[2 * i + 1] = (float)y;
	}
}

static bool overlaps(struct rect a, struct rect b)
{
	return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/* A label's box w x h near the dot at x, y: the first of a few places
 * around it that overlaps no label placed before and stays inside r. */
static struct rect label_box(int x, int y, int w, int h, int gap, struct rect r,
                             const struct rect *placed, int n)
{
	const int dx[] = {gap,    -gap - w, gap, -gap - w, gap, -gap - w,
	                  -w / 2, -w / 2,   gap, -gap - w, gap, -gap - w};
	const int dy[] = {-h / 2, -h / 2, -h, -h, 0, 0, -h - gap, gap, -2 * h, -2 * h, h, h};
	struct rect best = {x + dx[0], y + dy[0], w, h};
	for (size_t c = 0; c < sizeof dx / sizeof dx[0]; c++) {
		struct rect b = {x + dx[c], y + dy[c], w, h};
		if (b.x < r.x || b.y < r.y || b.x + w > r.x + r.w || b.y + h > r.y + r.h)
			continue;
		bool free_ = true;
		for (int i = 0; i < n && free_; i++)
			free_ = !overlaps(b, placed[i]);
		if (free_)
			return b;
	}
	return best;
}

static void ensure_land(struct home_map *m, SDL_Renderer *ren, const struct geo_view *v)
{
	if (m->tex && m->ren == ren && same_view(&m->view, v))
		return;
	if (m->tex)
		SDL_DestroyTexture(m->tex);
	m->tex = m->land ? land_texture(ren, m->land, v) : NULL;
	m->view = *v;
	m->ren = ren;
}

void home_map_draw(struct home_map *m, struct ui *ui, struct rect r)
{
	const struct hall *h = &ui->c->hall;
	int n = (int)h->n_cities < HOME_ROOM ? (int)h->n_cities : HOME_ROOM;
	struct geo_point pts[HOME_MAP_POINTS];
	size_t n_fit = home_map_points(h, pts);
	struct geo_view v = geo_view_fit(pts, n_fit, HOME_MAP_PAD, r);
	r = v.r;
	draw_fill(ui->ren, r, sea, 255);
	ensure_land(m, ui->ren, &v);
	SDL_Rect clip = {r.x, r.y, r.w, r.h}, outer;
	bool clipped = SDL_RenderIsClipEnabled(ui->ren);
	SDL_RenderGetClipRect(ui->ren, &outer);
	if (!clipped || SDL_IntersectRect(&clip, &outer, &clip))
		SDL_RenderSetClipRect(ui->ren, &clip);
	if (m->tex)
		draw_texture(ui->ren, m->tex, r);
	const struct layout *l = &ui->l;
	float xy[2 * (ARC_STEPS + 1)];
	for (int i = 0; i < n; i++) {
		arc(&v, pts[0], pts[i + 1], xy);
		draw_polyline(ui->ren, xy, ARC_STEPS + 1, (float)layout_px(l, 2.5), theme.accent,
		              200);
	}
	double x, y;
	struct rect placed[2 * MAX_PLACES];
	int n_placed = 0, dot = layout_px(l, 7), gap = layout_px(l, 14);
	for (int i = 0; i <= n; i++) { /* the dots first, so no label covers one */
		geo_project(&v, pts[i], &x, &y);
		int rad = i ? dot : dot * 3 / 2;
		draw_circle(ui->ren, (int)x, (int)y, rad + layout_px(l, 3), sea, 255);
		draw_circle(ui->ren, (int)x, (int)y, rad, i ? theme.accent : theme.text, 255);
		placed[n_placed++] = (struct rect){(int)x - rad, (int)y - rad, 2 * rad, 2 * rad};
	}
	char buf[64];
	for (int i = 0; i <= n; i++) {
		geo_project(&v, pts[i], &x, &y);
		struct text_style st = {i ? FACE_SANS : FACE_SANS_BOLD, l->size_small,
		                        ui_color(i ? theme.text_soft : theme.text), 0};
		const char *s = i ? ui_tr(ui, &h->cities[i - 1].name)
		                  : ui_text(UI_PERM, ui_lang(ui), 0, buf, sizeof buf);
		int w, hh;
		ui_label_size(ui, &st, s, 0, 1, &w, &hh);
		struct rect b = label_box((int)x, (int)y, w, hh, gap, r, placed, n_placed);
		placed[n_placed++] = b;
		float nx = (float)(x < b.x ? b.x : x > b.x + b.w ? b.x + b.w : x);
		float ny = (float)(y < b.y ? b.y : y > b.y + b.h ? b.y + b.h : y);
		if (hypotf(nx - (float)x, ny - (float)y) >
		    1.5f * (float)gap) { /* pushed away: a leader */
			float lead[4] = {(float)x, (float)y, nx, ny};
			draw_polyline(ui->ren, lead, 2, (float)layout_px(l, 1.5), theme.text_soft,
			              110);
		}
		ui_label(ui, &st, s, b.x, b.y, 0, 1);
	}
	SDL_RenderSetClipRect(ui->ren, clipped ? &outer : NULL);
}
