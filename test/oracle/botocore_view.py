#!/usr/bin/env python3
"""Hatrack's own botocore oracle: prints, as JSON, how botocore (the AWS CLI's engine) reads a config/credentials pair.

Usage: botocore_view.py [--config PATH] [--credentials PATH]
       botocore_view.py --serve   (JSON lines in: {"config": PATH, "credentials": PATH}; JSON lines out)
Defaults follow AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE, then ~/.aws/config and ~/.aws/credentials.

Output when botocore accepts the files:
  {"ok": true,
   "profiles": [names in `aws configure list-profiles` order],
   "kinds": {name: role | web-identity | sso | static | login | process | settings},
   "settings": {name: {key: value or {subkey: value}}},      # merged, credentials keys win per key
   "sources": {name: ["config"] | ["credentials"] | ["config", "credentials"]},
   "sso_sessions": {...}, "services": {...},
   "sections": [{"file", "header", "line", "end", "profile": name or null}],   # every header, 1-based lines
   "defaults": {"config": {...}, "credentials": {...}},                       # [DEFAULT] keys, inherited everywhere
   "raw": {"config": {section: {key: value}}, "credentials": {...}}}          # each file alone, by section name
Output when botocore refuses the files (the CLI then fails on every command):
  {"ok": false, "error": "<inner exception class>", "message": "<text>",
   "file": "config" | "credentials" | null, "line": <1-based line> | null}
The line is where Python's configparser (or botocore's nested-block parser) stops; lines are counted the way
Python's universal-newline reader counts them (CRLF, lone CR and LF each end a line).
"""
import argparse
import configparser
import json
import locale
import os
import re
import sys

try:
    import botocore.session
    from botocore.configloader import raw_config_parse
    from botocore.exceptions import ConfigParseError
except ImportError:
    print(json.dumps({"ok": False, "error": "ImportError", "message": "botocore is not importable by " + sys.executable,
                      "file": None, "line": None}))
    sys.exit(2)


def kind_of(name, merged, creds_sections):
    """The credential source botocore's ProfileProviderBuilder picks for an explicitly named profile."""
    p = merged.get(name, {})
    in_creds = creds_sections.get(name, {})
    if "role_arn" in p and "web_identity_token_file" not in p:
        return "role"
    if "role_arn" in p and "web_identity_token_file" in p:
        return "web-identity"
    if "sso_role_name" in p or "sso_account_id" in p:
        return "sso"
    if "aws_access_key_id" in in_creds or "aws_secret_access_key" in in_creds:
        return "static"
    if "login_session" in p:
        return "login"
    if "credential_process" in p:
        return "process"
    if "aws_access_key_id" in p or "aws_secret_access_key" in p:
        return "static"
    return "settings"


def read_text_lines(path):
    """The file's lines as configparser sees them: locale encoding, universal newlines (line ends kept)."""
    with open(path, encoding=locale.getpreferredencoding(False)) as fh:
        return list(fh)


def track_values(lines):
    """Mirror of RawConfigParser._read (default options) recording, per (section, option), the physical lines
    (1-based number, stripped text) that make up the value. Used only to locate a nested-block error."""
    nonspace = re.compile(r"\S")
    sect_re = configparser.RawConfigParser.SECTCRE
    opt_re = configparser.RawConfigParser.OPTCRE
    where = {}
    headers = []
    sect = None
    opt = None
    indent_level = 0
    for lineno, line in enumerate(lines, start=1):
        is_comment = line.strip().startswith(("#", ";"))
        value = "" if is_comment else line.strip()
        if not value:
            continue  # blank lines join the value as '' and comments vanish: neither can be the offending line
        m = nonspace.search(line)
        cur_indent = m.start() if m else 0
        if sect is not None and opt is not None and cur_indent > indent_level:
            where[(sect, opt)].append((lineno, value))
            continue
        indent_level = cur_indent
        mo = sect_re.match(value)
        if mo:
            sect = mo.group("header")
            headers.append((lineno, sect))
            opt = None
            continue
        if sect is None:
            continue
        mo = opt_re.match(value)
        if mo:
            opt = mo.group("option").rstrip().lower()
            where[(sect, opt)] = [(lineno, mo.group("value") or "")]
        else:
            opt = None
    return where, headers


def nested_error_line(path):
    """Line of the first nested-block line without '=' in the (section, option) order botocore parses them."""
    cp = configparser.RawConfigParser()
    cp.read([path])
    where, _ = track_values(read_text_lines(path))
    for section in cp.sections():
        for option in cp.options(section):
            value = cp.get(section, option)
            if not value.startswith("\n"):
                continue
            # An option the section lacks was inherited from [DEFAULT].
            for lineno, text in where.get((section, option), where.get(("DEFAULT", option), [])):
                # botocore splits with str.splitlines(), which also breaks at U+0085, U+2028, form feed...
                for piece in text.splitlines():
                    if piece.strip() and "=" not in piece:
                        return lineno
    return None


def decode_error_line(path):
    with open(path, "rb") as fh:
        data = fh.read()
    try:
        data.decode(locale.getpreferredencoding(False))
    except UnicodeDecodeError as e:
        head = data[: e.start].replace(b"\r\n", b"\n").replace(b"\r", b"\n")
        return head.count(b"\n") + 1
    return None


def error_line(inner, path):
    if isinstance(inner, UnicodeDecodeError):
        return decode_error_line(path)
    lineno = getattr(inner, "lineno", None)  # DuplicateSection/DuplicateOption/MissingSectionHeader
    if isinstance(lineno, int):
        return lineno
    errors = getattr(inner, "errors", None)  # ParsingError: [(lineno, repr(line)), ...]
    if errors:
        return errors[0][0]
    if isinstance(inner, ValueError):  # botocore's _parse_nested: a nested line without '='
        return nested_error_line(path)
    return None


def section_map(path, which):
    """Each header line of a file with the profile botocore files it under (None for non-profile sections).
    A section runs from its header to the line before the next header (`end` is inclusive)."""
    if not os.path.isfile(path):
        return []
    lines = read_text_lines(path)
    _, headers = track_values(lines)
    out = []
    for i, (lineno, header) in enumerate(headers):
        end = headers[i + 1][0] - 1 if i + 1 < len(headers) else len(lines)
        if which == "credentials":
            profile = None if header == "DEFAULT" else header
        else:
            names = list(botocore.configloader.build_profile_map({header: {}})["profiles"].keys())
            profile = names[0] if names else None
        out.append({"file": which, "header": header, "line": lineno, "end": end, "profile": profile})
    return out


def defaults_of(path):
    """Keys of the file's [DEFAULT] section, which configparser copies into every section of that file."""
    if not os.path.isfile(path):
        return {}
    cp = configparser.RawConfigParser()
    cp.read([path])
    return dict(cp.defaults())


def resolve(path):
    return os.path.realpath(os.path.expanduser(os.path.expandvars(path)))


def view(config, credentials):
    """Everything botocore makes of the pair; the environment is pointed at it for the duration of the call."""
    os.environ["AWS_CONFIG_FILE"] = config
    os.environ["AWS_SHARED_CREDENTIALS_FILE"] = credentials
    for v in ("AWS_PROFILE", "AWS_DEFAULT_PROFILE"):
        os.environ.pop(v, None)
    try:
        s = botocore.session.Session()
        full = s.full_config
        names = list(s.available_profiles)
        creds = raw_config_parse(credentials) if os.path.isfile(credentials) else {}
        config_profiles = botocore.configloader.load_config(config)["profiles"] if os.path.isfile(config) else {}
    except ConfigParseError as e:  # what the CLI dies on at start-up
        inner = e.kwargs.get("error")
        path = e.kwargs.get("path")
        which = None
        if path is not None:
            if resolve(path) == resolve(config):
                which = "config"
            elif resolve(path) == resolve(credentials):
                which = "credentials"
        try:
            line = error_line(inner, path) if path is not None else None
        except Exception:  # locating the line is best effort; the refusal itself is the fact
            line = None
        return {"ok": False, "error": type(inner).__name__ if inner is not None else type(e).__name__,
                "message": str(e), "file": which, "line": line}
    except Exception as e:
        return {"ok": False, "error": type(e).__name__, "message": str(e), "file": None, "line": None}
    merged = full.get("profiles", {})
    sources = {}
    for n in names:
        sources[n] = [f for f, present in (("config", n in config_profiles), ("credentials", n in creds)) if present]
    return {
        "ok": True,
        "profiles": names,
        "kinds": {n: kind_of(n, merged, creds) for n in names},
        "settings": {n: merged.get(n, {}) for n in names},
        "sources": sources,
        "sso_sessions": full.get("sso_sessions", {}),
        "services": full.get("services", {}),
        "sections": section_map(config, "config") + section_map(credentials, "credentials"),
        "defaults": {"config": defaults_of(config), "credentials": defaults_of(credentials)},
        "raw": {"config": raw_config_parse(config) if os.path.isfile(config) else {}, "credentials": creds},
    }


def serve():
    """One request per stdin line ({"config": path, "credentials": path}), one JSON answer per stdout line.
    Importing botocore costs most of a second, so the test suite keeps one of these running."""
    for raw in sys.stdin:
        raw = raw.strip()
        if not raw:
            continue
        try:
            req = json.loads(raw)
            out = view(req["config"], req["credentials"])
        except Exception as e:  # a broken request must not kill the server
            out = {"ok": False, "error": "OracleError", "message": repr(e), "file": None, "line": None}
        sys.stdout.write(json.dumps(out, sort_keys=True) + "\n")
        sys.stdout.flush()
    return 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default=os.environ.get("AWS_CONFIG_FILE", os.path.expanduser("~/.aws/config")))
    ap.add_argument("--credentials",
                    default=os.environ.get("AWS_SHARED_CREDENTIALS_FILE", os.path.expanduser("~/.aws/credentials")))
    ap.add_argument("--serve", action="store_true", help="answer JSON-line requests on stdin")
    a = ap.parse_args()
    if a.serve:
        return serve()
    print(json.dumps(view(a.config, a.credentials), sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
