#!/usr/bin/env python3
"""Batch oracle: how botocore reads many config/credentials pairs, in one process (fast enough for fuzzing).

stdin: JSON list of {"config": path, "credentials": path}. stdout: JSON list of results, each either
{"ok": true, "profiles": [...], "kinds": {...}, "settings": {...}} or {"ok": false, "error": class, "line": n|null}.
The kind rule mirrors botocore's ProfileProviderBuilder order for an explicitly named profile.
"""
import json
import os
import sys

import botocore.session
from botocore.configloader import raw_config_parse


def kind_of(p, in_creds):
    if "role_arn" in p:
        return "web-identity" if "web_identity_token_file" in p else "role"
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


def error_line(e):
    inner = getattr(e, "kwargs", {}).get("error") if hasattr(e, "kwargs") else None
    for obj in (inner, e):
        if obj is None:
            continue
        if getattr(obj, "lineno", None):
            return obj.lineno
        errs = getattr(obj, "errors", None)
        if errs:
            return errs[0][0]
    return None


def read(pair):
    os.environ["AWS_CONFIG_FILE"] = pair["config"]
    os.environ["AWS_SHARED_CREDENTIALS_FILE"] = pair["credentials"]
    try:
        s = botocore.session.Session()
        full = s.full_config
        names = list(s.available_profiles)
        creds = raw_config_parse(pair["credentials"]) if os.path.isfile(pair["credentials"]) else {}
    except Exception as e:  # what the CLI would die on
        return {"ok": False, "error": type(e).__name__, "line": error_line(e)}
    merged = full.get("profiles", {})
    return {
        "ok": True,
        "profiles": names,
        "kinds": {n: kind_of(merged.get(n, {}), creds.get(n, {})) for n in names},
        "settings": {n: merged.get(n, {}) for n in names},
    }


def main():
    for v in ("AWS_PROFILE", "AWS_DEFAULT_PROFILE"):
        os.environ.pop(v, None)
    pairs = json.load(sys.stdin)
    print(json.dumps([read(p) for p in pairs]))


if __name__ == "__main__":
    main()
