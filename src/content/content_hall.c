#include "content/content_hall.h"

#include <string.h>

#include "base/i18n.h"

#include "base/arena.h"
#include "content/content_hours.h"
#include "content/staff_language.h"

static const struct content_field hall_fields[] = {
    {"title", 1, N_("the hall's name, one line per language")},
    {"languages", 1, N_("the list of languages shown, such as [ru, en]")},
    {"idle_timeout", 0, NULL},
    {"attract", 0, NULL},
    {"cities", 1, N_("the list of city ids to show, in order")},
    {"font_dirs", 0, NULL},
    {"opening_hours", 0, NULL},
    {"staff_language", 0, NULL},
    {"time_zone", 0, NULL},
    {"display_power", 0, NULL},
    {"staff_pin", 0, NULL},
    {NULL, 0, NULL},

};
static const struct content_shape hall_shape = {"hall.yaml", "hall.yaml", hall_fields};

static const struct content_field attract_fields[] = {
    {"hold", 0, NULL},
    {"crossfade", 0, NULL},
    {NULL, 0, NULL},
};
static const struct content_shape attract_shape = {"\"attract\"", "\"attract\"", attract_fields};

static int valid_code(const char *s)
{
	size_t n = strspn(s, "abcdefghijklmnopqrstuvwxyz");
	return s[n] == '\0' && n >= 2 && n <= 3;
}

int content_hall_valid_id(const char *id)
{
	size_t n = strspn(id, "abcdefghijklmnopqrstuvwxyz0123456789-");
	return id[n] == '\0' && n >= 1 && n <= 40;
}

/* Index of the first item before i with the same text, or -1. */
static int earlier_same(const struct yaml_doc_node *list, size_t i)
{
	for (size_t j = 0; j < i; j++)
		if (list->items[j]->kind == YAML_DOC_SCALAR &&
		    strcmp(list->items[j]->str, list->items[i]->str) == 0)
			return (int)j;
	return -1;
}

/* Checks a list field's shape and count; 1 when its items can be read. */
static int check_list(struct content_fields_ctx *x, const struct yaml_doc_node *v, const char *key,
                      const char *example, size_t max)
{
	if (v->kind != YAML_DOC_SEQUENCE) {
		content_fields_error(x, v, "\"%s\" must be a list such as %s, not %s", key, example,
		                     content_fields_kind(v));
		return 0;
	}
	if (v->n == 0) {
		content_fields_error(x, v, "\"%s\" is empty; list at least one, such as %s", key,
		                     example);
		return 0;
	}
	if (v->n > max)
		content_fields_error(x, v->items[max], "\"%s\" lists more than %zu; remove some",
		                     key, max);
	return 1;
}

static void read_languages(struct content_fields_ctx *x, const struct yaml_doc_node *root,
                           struct hall *out)
{
	const struct yaml_doc_node *v = yaml_doc_get(root, "languages");
	if (!v || !check_list(x, v, "languages", "[ru, en]", CONTENT_MAX_LANGS))
		return;
	int ok = v->n <= CONTENT_MAX_LANGS;
	for (size_t i = 0; i < v->n && i < CONTENT_MAX_LANGS; i++) {
		const struct yaml_doc_node *it = v->items[i];
		int first;
		if (it->kind != YAML_DOC_SCALAR || !valid_code(it->str)) {
			content_fields_error(x, it,
			                     "a language must be a code of 2 or 3 small letters "
			                     "such as en, not %s",
			                     it->kind == YAML_DOC_SCALAR ? it->str
			                                                 : content_fields_kind(it));
			ok = 0;
		} else if ((first = earlier_same(v, i)) >= 0) {
			content_fields_error(x, it,
			                     "language \"%s\" is listed twice (first on line "
			                     "%d)",
			                     it->str, v->items[first]->line);
			ok = 0;
		} else if (ok) {
			strcpy(out->langs[out->n_langs++], it->str);
		}
	}
	if (ok) {
		x->langs = out->langs;
		x->n_langs = out->n_langs;
	}
}

static uint64_t to_ms(double seconds)
{
	return (uint64_t)(seconds * 1000.0 + 0.5);
}

/* staff_language: the journal's and the panel's language (read on its own
 * at start, staff_language.c; checked here). */
static void read_staff_language(struct content_fields_ctx *x, const struct yaml_doc_node *root)
{
	const struct yaml_doc_node *v = yaml_doc_get(root, "staff_language");
	if (v && (v->kind != YAML_DOC_SCALAR || !staff_language_known(v->str)))
		content_fields_error(
		    x, v,
		    "\"staff_language\" is the language of the journal and the staff "
		    "panel: write ru or en");
}

static void read_timing(struct content_fields_ctx *x, const struct yaml_doc_node *root,
                        struct hall *out)
{
	int idle = 90;
	double hold = 8, fade = 1.5;
	content_fields_int(x, root, "idle_timeout", 10, 3600, &idle);
	const struct yaml_doc_node *att = yaml_doc_get(root, "attract");
	if (att && content_fields_check(x, att, &attract_shape, "\"attract\"")) {
		int hold_ok = content_fields_number(x, att, "hold", 2, 120, &hold);
		int fade_ok = content_fields_number(x, att, "crossfade", 0, 10, &fade);
		const struct yaml_doc_node *where = yaml_doc_get(att, "crossfade");
		if (hold_ok && fade_ok && fade >= hold)
			content_fields_error(x, where ? where : yaml_doc_get(att, "hold"),
			                     "\"crossfade\" (%g seconds) must be shorter than "
			                     "\"hold\" (%g seconds)",
			                     fade, hold);
	}
	out->idle_timeout_ms = (uint64_t)idle * 1000;
	out->photo_hold_ms = to_ms(hold);
	out->crossfade_ms = to_ms(fade);
}

static void read_city_ids(struct content_fields_ctx *x, const struct yaml_doc_node *root,
                          struct content_hall_ids *ids)
{
	const struct yaml_doc_node *v = yaml_doc_get(root, "cities");
	if (!v || !check_list(x, v, "cities", "[oxford, qingdao]", CONTENT_HALL_MAX_CITIES))
		return;
	for (size_t i = 0; i < v->n && i < CONTENT_HALL_MAX_CITIES; i++) {
		const struct yaml_doc_node *it = v->items[i];
		int first;
		if (it->kind != YAML_DOC_SCALAR)
			content_fields_error(x, it,
			                     "each city must be a single id such as oxford, "
			                     "not %s",
			                     content_fields_kind(it));
		else if (!content_hall_valid_id(it->str))
			content_fields_error(x, it,
			                     "\"%s\" is not a valid city id: use 1 to 40 small "
			                     "letters a-z, digits and -, as in the folder name "
			                     "under cities/",
			                     it->str);
		else if ((first = earlier_same(v, i)) >= 0)
			content_fields_error(x, it,
			                     "city \"%s\" is listed twice (first on line %d)",
			                     it->str, v->items[first]->line);
		else
			ids->items[ids->n++] = it;
	}
}

/* font_dirs: folders searched for the font files before the system's. */
static void read_font_dirs(struct content_fields_ctx *x, const struct yaml_doc_node *root,
                           struct hall *out)
{
	const struct yaml_doc_node *v = yaml_doc_get(root, "font_dirs");
	if (!v || !check_list(x, v, "font_dirs", "[/usr/share/fonts/truetype/noto]",
	                      CONTENT_MAX_FONT_DIRS))
		return;
	const char **dirs = arena_alloc(x->a, sizeof *dirs * CONTENT_MAX_FONT_DIRS);
	for (size_t i = 0; dirs && i < v->n && i < CONTENT_MAX_FONT_DIRS; i++) {
		const struct yaml_doc_node *it = v->items[i];
		if (it->kind != YAML_DOC_SCALAR || !it->str[0])
			content_fields_error(x, it,
			                     "each font folder must be a path such as "
			                     "/usr/share/fonts/truetype/noto");
		else if (it->len > CONTENT_MAX_FONT_DIR_LEN)
			content_fields_error(x, it,
			                     "this font folder path is %zu bytes long; a path of "
			                     "at most %d is expected, such as "
			                     "/usr/share/fonts/truetype/noto",
			                     it->len, CONTENT_MAX_FONT_DIR_LEN);
		else if ((dirs[out->n_font_dirs] = arena_strdup(x->a, it->str)))
			out->n_font_dirs++; /* the parse's own strings die with it */
	}
	out->font_dirs = dirs;
}

/* display_power: dpms (the panel off outside the hours), cec (the TV in
 * standby) or black. */
static void read_display_power(struct content_fields_ctx *x, const struct yaml_doc_node *root,
                               struct hall *out)
{
	const struct yaml_doc_node *v = yaml_doc_get(root, "display_power");
	if (!v)
		return;
	if (v->kind == YAML_DOC_SCALAR && strcmp(v->str, "dpms") == 0)
		out->display_power = DISPLAY_POWER_DPMS;
	else if (v->kind == YAML_DOC_SCALAR && strcmp(v->str, "cec") == 0)
		out->display_power = DISPLAY_POWER_CEC;
	else if (v->kind == YAML_DOC_SCALAR && strcmp(v->str, "black") == 0)
		out->display_power = DISPLAY_POWER_BLACK;
	else
		content_fields_error(x, v,
		                     "\"display_power\" must be dpms (the screen is switched "
		                     "off outside the opening hours), cec (a TV put in standby "
		                     "through HDMI-CEC) or black (it stays on, drawn black), "
		                     "not %s",
		                     v->kind == YAML_DOC_SCALAR ? v->str : content_fields_kind(v));
}

/* staff_pin: 4 to 8 digits, kept as text so a leading 0 counts. */
static void read_staff_pin(struct content_fields_ctx *x, const struct yaml_doc_node *root,
                           struct hall *out)
{
	const struct yaml_doc_node *v = yaml_doc_get(root, "staff_pin");
	if (!v)
		return;
	if (v->kind != YAML_DOC_SCALAR) {
		content_fields_error(x, v,
		                     "\"staff_pin\" must be 4 to 8 digits such as 4817, not %s",
		                     content_fields_kind(v));
		return;
	}
	size_t digits = strspn(v->str, "0123456789");
	if (v->str[digits] != '\0' || v->len != digits || digits < CONTENT_STAFF_PIN_MIN ||
	    digits > CONTENT_STAFF_PIN_MAX) {
		content_fields_error(x, v,
		                     "\"staff_pin\" must be 4 to 8 digits (0-9) such as 4817, "
		                     "and nothing else");
		return;
	}
	memcpy(out->staff_pin, v->str, digits + 1);
}

void content_hall_read(struct content_fields_ctx *x, const struct yaml_doc_node *root,
                       struct hall *out, struct content_hall_ids *ids)
{

	if (!content_fields_check(x, root, &hall_shape, "hall.yaml"))
		return;
	read_languages(x, root, out);
	content_fields_text(x, root, "title", &out->title);
	read_timing(x, root, out);
	read_city_ids(x, root, ids);
	read_font_dirs(x, root, out);
	content_hours_read(x, root, &out->hours);
	read_staff_language(x, root);
	read_display_power(x, root, out);
	read_staff_pin(x, root, out);
}
