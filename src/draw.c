#include "draw.h"

#include <math.h>

static SDL_Vertex vert(float x, float y, struct rgb c, Uint8 a)
{
	return (SDL_Vertex){{x, y}, {c.r, c.g, c.b, a}, {0, 0}};
}

void draw_gradient(SDL_Renderer *ren, struct rect r, struct rgb top, Uint8 a_top, struct rgb bottom,
                   Uint8 a_bottom)
{
	if (r.w <= 0 || r.h <= 0)
		return;
	SDL_Vertex v[4] = {
	    vert((float)r.x, (float)r.y, top, a_top),
	    vert((float)(r.x + r.w), (float)r.y, top, a_top),
	    vert((float)(r.x + r.w), (float)(r.y + r.h), bottom, a_bottom),
	    vert((float)r.x, (float)(r.y + r.h), bottom, a_bottom),
	};
	const int idx[6] = {0, 1, 2, 0, 2, 3};
	SDL_SetRenderDrawBlendMode(ren, SDL_BLENDMODE_BLEND);
	SDL_RenderGeometry(ren, NULL, v, 4, idx, 6);
}

void draw_fill(SDL_Renderer *ren, struct rect r, struct rgb c, Uint8 a)
{
	SDL_SetRenderDrawBlendMode(ren, a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
	SDL_SetRenderDrawColor(ren, c.r, c.g, c.b, a);
	SDL_Rect sr = {r.x, r.y, r.w, r.h};
	SDL_RenderFillRect(ren, &sr);
}

enum { CIRCLE_SEGMENTS = 48 };

/* A filled half or whole disc as a triangle fan from the centre, from
 * angle a0 to a1 (radians). */
static void fan(SDL_Renderer *ren, float cx, float cy, float radius, double a0, double a1,
                struct rgb c, Uint8 a)
{
	SDL_Vertex v[CIRCLE_SEGMENTS + 2];
	int idx[CIRCLE_SEGMENTS * 3];
	v[0] = vert(cx, cy, c, a);
	for (int i = 0; i <= CIRCLE_SEGMENTS; i++) {
		double t = a0 + (a1 - a0) * i / CIRCLE_SEGMENTS;
		v[i + 1] = vert(cx + radius * (float)cos(t), cy + radius * (float)sin(t), c, a);
	}
	for (int i = 0; i < CIRCLE_SEGMENTS; i++) {
		idx[i * 3] = 0;
		idx[i * 3 + 1] = i + 1;
		idx[i * 3 + 2] = i + 2;
	}
	SDL_SetRenderDrawBlendMode(ren, SDL_BLENDMODE_BLEND);
	SDL_RenderGeometry(ren, NULL, v, CIRCLE_SEGMENTS + 2, idx, CIRCLE_SEGMENTS * 3);
}

void draw_circle(SDL_Renderer *ren, int cx, int cy, int radius, struct rgb c, Uint8 a)
{
	fan(ren, (float)cx, (float)cy, (float)radius, 0, 2 * M_PI, c, a);
}

void draw_pill(SDL_Renderer *ren, struct rect r, struct rgb c, Uint8 a)
{
	float rad = r.h / 2.0f;
	fan(ren, r.x + rad, r.y + rad, rad, M_PI / 2, 3 * M_PI / 2, c, a);
	fan(ren, r.x + r.w - rad, r.y + rad, rad, -M_PI / 2, M_PI / 2, c, a);
	draw_gradient(ren, (struct rect){r.x + (int)rad, r.y, r.w - 2 * (int)rad, r.h}, c, a, c, a);
}

void draw_texture(SDL_Renderer *ren, SDL_Texture *tex, struct rect dst)
{
	SDL_Rect d = {dst.x, dst.y, dst.w, dst.h};
	SDL_RenderCopy(ren, tex, NULL, &d);
}
