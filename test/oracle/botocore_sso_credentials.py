#!/usr/bin/env python3
"""botocore resolving one SSO profile from the token cache another tool wrote, as the AWS CLI v2 does it.

Usage: botocore_sso_credentials.py PROFILE
Reads AWS_CONFIG_FILE / HOME and the AWS_ENDPOINT_URL_* overrides like any botocore client. The AWS CLI's file cache
(~/.aws/cli/cache) is injected into the SSO provider exactly as awscli/customizations/sso/__init__.py does, so the
run also shows what `aws` itself would read and write. Prints one JSON line:
  {"ok": true, "method": ..., "access_key": ..., "secret_key": ..., "token": ...}
  {"ok": false, "error": "<exception class>", "message": "<text>"}
"""
import json
import os
import sys

import botocore.session
from botocore.credentials import JSONFileCache


def main():
    profile = sys.argv[1]
    session = botocore.session.Session(profile=profile)
    cache_dir = os.path.expanduser(os.path.join("~", ".aws", "cli", "cache"))
    resolver = session.get_component("credential_provider")
    sso = resolver.get_provider("sso")
    sso.cache = JSONFileCache(cache_dir)
    try:
        creds = session.get_credentials()
        if creds is None:
            print(json.dumps({"ok": False, "error": "NoCredentials", "message": "no credentials"}))
            return
        frozen = creds.get_frozen_credentials()
        print(json.dumps({"ok": True, "method": creds.method, "access_key": frozen.access_key,
                          "secret_key": frozen.secret_key, "token": frozen.token}))
    except Exception as e:  # the test asserts on the class name and message
        print(json.dumps({"ok": False, "error": type(e).__name__, "message": str(e)}))


if __name__ == "__main__":
    main()
