#include "content/yaml_error.h"

#include "base/i18n.h"

#include <stdbool.h>
#include <string.h>

#include "base/utf8.h"
#include "content/yaml_colon.h"

static const char colon_problem[] = "mapping values are not allowed in this context";

/* The byte at 0-based line and character column, or -1. */
static int byte_at(const char *buf, size_t len, size_t line, size_t col)
{
	size_t i = 0;
	for (size_t l = 0; l < line && i < len; i++)
		if (buf[i] == '\n')
			l++;
	for (size_t c = 0; i < len && buf[i] != '\n'; i++) {
		if (((unsigned char)buf[i] & 0xc0) == 0x80)
			continue;
		if (c++ == col)
			return (unsigned char)buf[i];
	}
	return -1;
}

static void error_at(struct diag *d, const char *file, yaml_mark_t m, const char *msg)
{
	diag_add_text(d, DIAG_ERROR, file, (int)m.line + 1, (int)m.column + 1, _(msg));
}

struct hint {
	const char *problem, *hint;
};

/* What libyaml's problems mean in a content file, each a whole message in
 * the staff's words: the library's own text never reaches them. Several
 * problems share one cause, so one message. */
static const char tab_hint[] = N_("a tab is used to indent; indent with spaces only");
static const char tag_hint[] = N_("a value cannot start with ! or %; put the value in quotes");
static const char anchor_hint[] = N_("a value cannot start with & or *; put the value in quotes");
static const char document_hint[] =
    N_("a line of --- or ... cuts the file in two here; delete that line");
static const char escape_hint[] = N_("inside \"double quotes\" a backslash must be doubled "
                                     "(\\\\), or use 'single quotes'");
static const char character_hint[] =
    N_("this invisible control character is not allowed in the file; delete it");
static const char block_hint[] =
    N_("after | or > the text must start on the next line, indented; or put it in quotes");

static const struct hint hints[] = {
    {"found character that cannot start any token",
     N_("this character cannot start a value here; a tab used to indent is the usual cause "
        "(indent with spaces only), or put the value in quotes")},
    {"could not find expected ':'", N_("this line is not of the form name: value")},
    {"did not find expected ',' or ']'", N_("a list opened with [ is not closed with ]")},
    {"did not find expected ',' or '}'", N_("a group opened with { is not closed with }")},
    {"did not find expected key",
     N_("check the indentation: fields at the same level must start in the same column")},
    {"did not find expected '-' indicator",
     N_("check the indentation: list items (- ...) must start in the same column")},
    {"did not find expected node content", N_("a value is missing or a bracket is misplaced")},
    {"block sequence entries are not allowed in this context",
     N_("a list item (- ...) is in the wrong place; check the indentation")},
    {"mapping keys are not allowed in this context",
     N_("a ? cannot stand here; put the whole value in quotes")},
    {"found unexpected ':'", N_("a text with : in it needs quotes here")},
    {"found unexpected end of stream",
     N_("the file ends in the middle of a value: a quote or a bracket is not closed")},
    {"found a tab character that violates indentation", tab_hint},
    {"found a tab character where an indentation space is expected", tab_hint},
    {"found undefined tag handle", tag_hint},
    {"did not find expected '!'", tag_hint},
    {"did not find expected tag URI", tag_hint},
    {"did not find URI escaped octet", tag_hint},
    {"did not find the expected '>'", tag_hint},
    {"found unexpected non-alphabetical character", tag_hint},
    {"could not find expected directive name", tag_hint},
    {"found unknown directive name", tag_hint},
    {"did not find expected whitespace", tag_hint},
    {"did not find expected version number", tag_hint},
    {"did not find expected digit or '.' character", tag_hint},
    {"found extremely long version number", tag_hint},
    {"found duplicate %YAML directive", tag_hint},
    {"found duplicate %TAG directive", tag_hint},
    {"found incompatible YAML document", tag_hint},
    {"did not find expected alphabetic or numeric character", anchor_hint},
    {"found undefined alias", anchor_hint},
    {"found duplicate anchor; first occurrence", anchor_hint},
    {"did not find expected <document start>", document_hint},
    {"found unexpected document indicator", document_hint},
    {"found unknown escape character", escape_hint},
    {"did not find expected hexdecimal number", escape_hint},
    {"found invalid Unicode character escape code", escape_hint},
    {"found an indentation indicator equal to 0", block_hint},
    {"did not find expected comment or line break", block_hint},
    {"control characters are not allowed", character_hint},
    {"invalid Unicode character", character_hint},
};

static const char *hint_for(const char *problem)
{
	for (size_t i = 0; i < sizeof hints / sizeof hints[0]; i++)
		if (strcmp(problem, hints[i].problem) == 0)
			return hints[i].hint;
	return NULL;
}

/* The quote mark at m, as a string for messages. */
static const char *quote_at(const char *buf, size_t len, yaml_mark_t m)
{
	return byte_at(buf, len, m.line, m.column) == '\'' ? "'" : "\"";
}

/* A quoted text opened at open that went on past its line to line to: said
 * where it opened (line to 0: to the end of the file). */
static void runaway(const char *file, const char *buf, size_t len, yaml_mark_t open, size_t to,
                    struct diag *d)
{
	int line = (int)open.line + 1, col = (int)open.column + 1;
	const char *q = quote_at(buf, len, open);
	if (to == 0)
		diag_add(d, DIAG_ERROR, file, line, col,
		         "this quoted text is never closed: add the closing %s at the end of the "
		         "text on line %d",
		         q, line);
	else
		diag_add(d, DIAG_ERROR, file, line, col,
		         "this quoted text is not closed on its line, so it runs on to line %zu: "
		         "add the closing %s at the end of the text on line %d",
		         to, q, line);
}

/* The last quoted text before err that went on over several lines and
 * ended on err's line: a quote never closed, taken as closed by the next
 * quote mark, which then started what libyaml stopped at. Scans the file
 * again up to err (only when there is an error). */
static bool runaway_before(const char *buf, size_t len, yaml_mark_t err, yaml_mark_t *open)
{
	yaml_parser_t ps;
	if (!yaml_parser_initialize(&ps))
		return false;
	yaml_parser_set_encoding(&ps, YAML_UTF8_ENCODING);
	yaml_parser_set_input_string(&ps, (const unsigned char *)buf, len);
	bool found = false;
	yaml_token_t t;
	while (yaml_parser_scan(&ps, &t)) {
		bool end = t.type == YAML_STREAM_END_TOKEN || t.start_mark.index >= err.index;
		if (!end && t.type == YAML_SCALAR_TOKEN &&
		    (t.data.scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE ||
		     t.data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE) &&
		    t.start_mark.line < t.end_mark.line) {
			found = t.end_mark.line == err.line;
			*open = t.start_mark;
		}
		yaml_token_delete(&t);
		if (end)
			break;
	}
	yaml_parser_delete(&ps);
	return found;
}

static bool is_colon(const yaml_parser_t *ps)
{
	return ps->error == YAML_SCANNER_ERROR && ps->problem &&
	       strcmp(ps->problem, colon_problem) == 0;
}

bool yaml_error_plain_colon(const yaml_parser_t *ps, const char *buf, size_t len)
{
	yaml_mark_t open;
	return is_colon(ps) && !runaway_before(buf, len, ps->problem_mark, &open);
}

void yaml_error_colon(const char *file, const char *buf, size_t len, yaml_mark_t m, struct diag *d)
{
	char fixed[600];
	int col;
	if (yaml_colon_fixed_line(buf, len, (int)m.line + 1, fixed, sizeof fixed, &col) &&
	    (int)m.column + 1 > col)
		diag_add(d, DIAG_ERROR, file, (int)m.line + 1, col,
		         "a text with \": \" in it needs quotes here: write this line as %s",
		         fixed);
	else
		error_at(d, file, m,
		         "a value contains \": \" or the indentation is off; put the value in "
		         "quotes or check the indentation");
}

/* libyaml's reader refuses a character (the bytes were checked as UTF-8
 * before): at its offset. */
static void reader_error(const yaml_parser_t *ps, const char *file, const char *buf, size_t len,
                         struct diag *d)
{
	const char *problem = ps->problem ? ps->problem : "unknown problem";
	const char *hint = hint_for(problem);
	struct utf8_pos pos =
	    utf8_position(buf, ps->problem_offset <= len ? ps->problem_offset : len);
	diag_add_text(d, DIAG_ERROR, file, pos.line, pos.col,
	              _(hint ? hint : N_("this character is not allowed in the file; delete it")));
}

void yaml_error_report(const yaml_parser_t *ps, const char *file, const char *buf, size_t len,
                       struct diag *d)
{
	if (ps->error == YAML_READER_ERROR) {
		reader_error(ps, file, buf, len, d);
		return;
	}
	const char *problem = ps->problem ? ps->problem : "unknown problem";
	const char *context = ps->context ? ps->context : "";
	yaml_mark_t m = ps->problem_mark, open;
	/* A quoted text reached the end of the file, or a line of ---. */
	if (strcmp(context, "while scanning a quoted scalar") == 0) {
		bool end = strcmp(problem, "found unexpected end of stream") == 0;
		runaway(file, buf, len, ps->context_mark, end ? 0 : m.line + 1, d);
		return;
	}
	if (runaway_before(buf, len, m, &open)) {
		runaway(file, buf, len, open, m.line + 1, d);
		return;
	}
	if (is_colon(ps)) {
		yaml_error_colon(file, buf, len, m, d);
		return;
	}
	const char *hint = hint_for(problem);
	/* Here libyaml's problem mark is at the end of the trouble; the
	 * context mark is where the bad key starts. */
	if (ps->context && strcmp(problem, hints[1].problem) == 0)
		m = ps->context_mark;
	if (strcmp(problem, hints[0].problem) == 0 && byte_at(buf, len, m.line, m.column) == '\t')
		hint = N_("a tab is used here; indent with spaces only");
	error_at(d, file, m,
	         hint ? hint
	              : N_("check this line and the line above it: a quote, a bracket, a colon "
	                   "or the indentation is off"));
}
