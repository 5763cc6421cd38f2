/* text_runs: splitting a string into runs drawn with one font of a fallback
 * chain each, and one script each (for HarfBuzz), since SDL2_ttf 2.20 has no
 * font fallback of its own. Pure: which font has which glyph comes from a
 * callback. */
#ifndef TWINHALL_TEXT_RUNS_H
#define TWINHALL_TEXT_RUNS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Whether font number font of the chain (0 = primary, then the fallbacks in
 * order) has a glyph for the character cp. */
typedef bool (*text_runs_covers_fn)(void *ctx, int font, uint32_t cp);

/* The writing system of a character, as coarse as font choice and shaping
 * need. COMMON is everything shared between scripts: spaces, digits,
 * punctuation, symbols, emoji, and also combining marks and controls. */
enum text_script {
	SCRIPT_COMMON,
	SCRIPT_LATIN,
	SCRIPT_CYRILLIC,
	SCRIPT_GREEK,
	SCRIPT_HAN,
	SCRIPT_HIRAGANA,
	SCRIPT_KATAKANA,
	SCRIPT_HANGUL,
	SCRIPT_OTHER
};

/* The script of the character cp. */
enum text_script text_script_of(uint32_t cp);

/* The ISO 15924 tag of s, as TTF_SetFontScriptName wants it: "Latn", "Cyrl",
 * "Grek", "Hani", "Hira", "Kana", "Hang", "Zyyy" for COMMON and "Zzzz"
 * (unknown, SDL_ttf's own default) for OTHER. A static string. */
const char *text_script_tag(enum text_script s);

struct text_run {
	size_t start, len; /* bytes of the string */
	int font;          /* index in the chain, -1 when no font has a character */
	enum text_script script;
};

/* Splits the len bytes at s into maximal runs of the same (font, script) and
 * writes at most cap of them to out; returns how many it wrote (0 for an
 * empty string or cap 0). The runs are contiguous and cover all of s.
 *
 * Each character goes to the first font of the n_fonts that covers it; one
 * no font covers, and each invalid UTF-8 byte (script OTHER), goes to a run
 * with font -1. COMMON characters never start a run of their own when they
 * can join one: after a run in the primary font (0), a COMMON sequence joins
 * it as far as that font covers it; the rest (all of it after a fallback
 * run or at the start of s) joins the run after it when that run's font
 * covers it, else only its longest tail that font covers does; what is left
 * joins the run before it where that run's font covers it ("青岛。" stays
 * one run), and otherwise goes, character by character, to its own first
 * covering font with script COMMON. Joined characters take the script

 * of the run they join. Controls and default-ignorable characters (ZWJ,
 * variation selectors, soft hyphen) count as covered by every font.
 *
 * When s needs more than cap runs, the last run written covers the rest of
 * s and keeps the font and script of its own first character. */
size_t text_runs_split(const char *s, size_t len, int n_fonts, text_runs_covers_fn covers,
                       void *ctx, struct text_run *out, size_t cap);

/* Lists the characters of the len bytes at s that no font of the chain
 * covers: each distinct codepoint once, in order of first appearance, in
 * cps[i] with the byte offset of its first appearance in offsets[i] (offsets
 * may be NULL). Writes
 * at most cap and returns how many it wrote. Invalid UTF-8 bytes (not
 * characters: utf8_validate reports them), controls and default-ignorable
 * characters are never listed. */
size_t text_runs_missing(const char *s, size_t len, int n_fonts, text_runs_covers_fn covers,
                         void *ctx, uint32_t *cps, size_t *offsets, size_t cap);

#endif
