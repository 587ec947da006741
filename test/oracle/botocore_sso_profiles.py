#!/usr/bin/env python3
"""botocore's SSOProvider view of every profile in the config: which ones it claims, and with what settings.

Usage: botocore_sso_profiles.py
Reads AWS_CONFIG_FILE / HOME like any botocore client. For each profile botocore lists, runs SSOProvider's own
config loading (the sso-session reference, the conflict check, the required keys) without calling any service, and
prints one JSON object: {"profiles": {NAME: {"sso": false} | {"sso": true, "config": {...}} |
{"sso": true, "error": "<exception class>", "message": "<text>"}}}
"""
import json

import botocore.session
from botocore.credentials import SSOProvider


def main():
    session = botocore.session.Session()
    full = session.full_config
    out = {}
    for name in session.available_profiles:
        provider = SSOProvider(load_config=lambda: full, client_creator=None, profile_name=name, cache={}, token_cache={})
        try:
            config = provider._load_sso_config()
        except Exception as e:  # the test asserts on the class name
            out[name] = {"sso": True, "error": type(e).__name__, "message": str(e)}
            continue
        out[name] = {"sso": False} if config is None else {"sso": True, "config": config}
    print(json.dumps({"profiles": out}))


if __name__ == "__main__":
    main()
