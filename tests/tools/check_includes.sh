#!/usr/bin/env bash
# The include rule between src/'s folders: reads src/layers.txt and every
# src/*/*.[ch], and prints each #include of a folder the including file's
# folder may not include:
#   src/x/y.c:LINE: includes "z/w.h": x may not include z
# and mistakes in layers.txt itself. Exits 1 if there is any, 0 (silent)
# when clean. Run by make lint.
set -u
cd "$(dirname "$0")/../.."
rules=src/layers.txt
bad=0
declare -A defined allowed except except_used
excepts=()

problem() {
	echo "$1"
	bad=1
}

[ -r "$rules" ] || { echo "$rules: missing" >&2; exit 1; }

n=0
while IFS= read -r line || [ -n "$line" ]; do
	n=$((n + 1))
	line=${line%%#*}
	line=${line#"${line%%[![:space:]]*}"}
	line=${line%"${line##*[![:space:]]}"}
	[ -z "$line" ] && continue
	if [[ $line =~ ^except[[:space:]]+([^:[:space:]]+):[[:space:]]*([^[:space:]]+)$ ]]; then
		file=${BASH_REMATCH[1]} header=${BASH_REMATCH[2]}
		[ -f "src/$file" ] || problem "$rules:$n: exception for src/$file, which does not exist"
		except["$file $header"]=$n
		excepts+=("$file $header")
	elif [[ $line =~ ^([a-z0-9_]+):(.*)$ ]]; then
		folder=${BASH_REMATCH[1]}
		if [ -n "${defined[$folder]:-}" ]; then
			problem "$rules:$n: $folder is already on line ${defined[$folder]}"
			continue
		fi
		for dep in ${BASH_REMATCH[2]}; do
			if [ -z "${defined[$dep]:-}" ]; then
				problem "$rules:$n: $folder may not name $dep: only folders on a line above"
			else
				allowed["$folder $dep"]=1
			fi
		done
		defined[$folder]=$n
		[ -d "src/$folder" ] || problem "$rules:$n: there is no folder src/$folder"
	else
		problem "$rules:$n: neither \`folder: folders\` nor \`except file: header\`"
	fi
done <"$rules"

for f in src/*.[ch]; do
	[ -e "$f" ] && problem "$f: not in a folder of $rules"
done
for d in src/*/; do
	d=${d%/}
	d=${d#src/}
	[ -n "${defined[$d]:-}" ] || problem "src/$d/: folder not in $rules"
done

# Every #include "..." of src/*/*.[ch] (system <...> includes are not ours).
re='^(src/([^/]+)/[^:]+):([0-9]+):[[:space:]]*#[[:space:]]*include[[:space:]]*"([^"]*)"'
while IFS= read -r hit; do
	[[ $hit =~ $re ]] || continue
	path=${BASH_REMATCH[1]} folder=${BASH_REMATCH[2]} lineno=${BASH_REMATCH[3]}
	header=${BASH_REMATCH[4]}
	file=${path#src/}
	if [[ $header != */* ]]; then
		problem "$path:$lineno: includes \"$header\": not folder-qualified (\"folder/$header\")"
		continue
	fi
	to=${header%%/*}
	if [ ! -f "src/$header" ]; then
		problem "$path:$lineno: includes \"$header\": no such header in src/"
	elif [ "$to" = "$folder" ] || [ -n "${allowed["$folder $to"]:-}" ]; then
		:
	elif [ -n "${except["$file $header"]:-}" ]; then
		except_used["$file $header"]=1
	else
		problem "$path:$lineno: includes \"$header\": $folder may not include $to"
	fi
done < <(grep -nHE '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' src/*/*.[ch])

for k in ${excepts[@]+"${excepts[@]}"}; do
	[ -n "${except_used[$k]:-}" ] ||
		problem "$rules:${except[$k]}: except ${k% *}: ${k#* } is not needed: no such include goes up"
done

exit $bad
