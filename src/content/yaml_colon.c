#include "content/yaml_colon.h"

#include <stdlib.h>
#include <string.h>

/* A value found on one line: bytes [start, end) of the file, the column
 * of its key (0-based) and its own (1-based; all before it is ASCII). */
struct value {
	size_t start, end, key;
	int col;
};

static bool key_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_' || c == '-';
}

static bool blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

/* Whether the value from start to end has a ':' that YAML takes as the
 * start of a value: one followed by a blank or ending the value. */
static bool has_colon(const char *buf, size_t start, size_t end)
{
	for (size_t i = start; i < end; i++)
		if (buf[i] == ':' && (i + 1 == end || buf[i + 1] == ' ' || buf[i + 1] == '\t'))
			return true;
	return false;
}

/* The plain value of the line buf[s..e) (e at its newline or the file's
 * end) when the line is `[- ]*key: value` and the value holds such a ':'.
 * The value ends at a comment (" #"); blanks around it are not its. A
 * value starting with a character YAML gives a meaning to is never one. */
static bool colon_value(const char *buf, size_t s, size_t e, struct value *v)
{
	size_t i = s;
	while (i < e && buf[i] == ' ')
		i++;
	while (i + 1 < e && buf[i] == '-' && buf[i + 1] == ' ')
		for (i += 2; i < e && buf[i] == ' ';)
			i++;
	size_t key = i;
	while (i < e && key_char(buf[i]))
		i++;
	if (i == key || i + 1 >= e || buf[i] != ':' || buf[i + 1] != ' ')
		return false;
	for (i += 2; i < e && buf[i] == ' ';)
		i++;
	if (i == e || strchr("-?:,[]{}#&*!|>'\"%@`\t\r", buf[i]))
		return false;
	size_t start = i, end = e;
	for (size_t j = start + 1; j < e; j++)
		if (buf[j] == '#' && (buf[j - 1] == ' ' || buf[j - 1] == '\t')) {
			end = j;
			break;
		}
	while (end > start && blank(buf[end - 1]))
		end--;
	if (!has_colon(buf, start, end))
		return false;
	*v = (struct value){start, end, key - s, (int)(start - s) + 1};
	return true;
}

/* Whether the line after the one ending at e goes on with a plain value
 * whose key is at column key: the next line with more than blanks on it
 * is indented deeper and is not a comment. A tab in its indentation is
 * taken as going on (the value is then left to YAML). */
static bool goes_on(const char *buf, size_t len, size_t e, size_t key)
{
	size_t i = e;
	while (i < len) {
		size_t indent = 0;
		for (i++; i < len && buf[i] == ' '; i++)
			indent++;
		if (i < len && buf[i] == '\t')
			return true;
		while (i < len && buf[i] == '\r')
			i++;
		if (i >= len)
			return false;
		if (buf[i] != '\n')
			return buf[i] != '#' && indent > key;
	}
	return false;
}

/* The end of the line that starts at s: its newline, or the file's end. */
static size_t line_end(const char *buf, size_t len, size_t s)
{
	const char *nl = memchr(buf + s, '\n', len - s);
	return nl ? (size_t)(nl - buf) : len;
}

/* The value to quote on the line buf[s..e), if it is one. */
static bool quotable(const char *buf, size_t len, size_t s, size_t e, struct value *v)
{
	return colon_value(buf, s, e, v) && !goes_on(buf, len, e, v->key);
}

static size_t count_char(const char *buf, size_t start, size_t end, char c)
{
	size_t n = 0;
	for (size_t i = start; i < end; i++)
		n += buf[i] == c;
	return n;
}

char *yaml_colon_quote(const char *buf, size_t len, size_t *out_len, struct yaml_colon_fix **fixes,
                       size_t *n)
{
	size_t count = 0, extra = 0;
	struct value v;
	*n = 0;
	*fixes = NULL;
	for (size_t s = 0, e; s < len; s = e + 1) {
		e = line_end(buf, len, s);
		if (quotable(buf, len, s, e, &v)) {
			count++;
			extra += 2 + count_char(buf, v.start, v.end, '\'');
		}
	}
	char *out = count ? malloc(len + extra + 1) : NULL;
	struct yaml_colon_fix *fx = out ? malloc(count * sizeof *fx) : NULL;
	if (!fx) {
		free(out);
		return NULL;
	}
	size_t o = 0, k = 0;
	int line = 1;
	for (size_t s = 0, e; s < len; s = e + 1, line++) {
		e = line_end(buf, len, s);
		size_t copied = s;
		if (quotable(buf, len, s, e, &v)) {
			memcpy(out + o, buf + s, v.start - s);
			o += v.start - s;
			out[o++] = '\'';
			for (size_t i = v.start; i < v.end; i++)
				if ((out[o++] = buf[i]) == '\'')
					out[o++] = '\'';
			out[o++] = '\'';
			copied = v.end;
			fx[k++] = (struct yaml_colon_fix){line, v.col};
		}
		size_t rest = (e < len ? e + 1 : e) - copied;
		memcpy(out + o, buf + copied, rest);
		o += rest;
	}
	out[o] = '\0';
	*out_len = o;
	*fixes = fx;
	*n = k;
	return out;
}

bool yaml_colon_fixed_line(const char *buf, size_t len, int line, char *out, size_t size, int *col)
{
	size_t s = 0;
	for (int l = 1; l < line && s < len; l++)
		s = line_end(buf, len, s) + 1;
	struct value v;
	if (s >= len || !quotable(buf, len, s, line_end(buf, len, s), &v))
		return false;
	/* Inside double quotes a backslash starts an escape: then single. */
	bool single = memchr(buf + v.start, '"', v.end - v.start) ||
	              memchr(buf + v.start, '\\', v.end - v.start);
	char q = single ? '\'' : '"';
	size_t key = s + v.key,
	       need = (v.start - key) + (v.end - v.start) + count_char(buf, v.start, v.end, q) + 3;
	if (need > size)
		return false;
	size_t o = 0;
	memcpy(out, buf + key, v.start - key);
	o += v.start - key;
	out[o++] = q;
	for (size_t i = v.start; i < v.end; i++) {
		if (buf[i] == q) /* '' inside single quotes (no " is inside double) */
			out[o++] = q;
		out[o++] = buf[i];
	}
	out[o++] = q;
	out[o] = '\0';
	*col = v.col;
	return true;
}
