#!/usr/bin/env python3
"""Writes a Lua table of DynamoDB requests signed with SigV4 (header form), for wrk to replay: one per key, so that
the signed run reads and writes the same keys as the unsigned one. The date is now, so the requests stay valid for
the server's 15-minute window.

    sigv4_requests.py OPERATION PORT ACCESS_KEY_ID SECRET KEYS OUT.lua
"""
import datetime
import hashlib
import hmac
import sys

operation, port, key_id, secret, keys, out = sys.argv[1:7]
payload = "x" * 160
now = datetime.datetime.now(datetime.timezone.utc)
amz_date = now.strftime("%Y%m%dT%H%M%SZ")
day = amz_date[:8]
scope = f"{day}/us-east-1/dynamodb/aws4_request"


def hmac_sha256(key, text):
    return hmac.new(key, text.encode(), hashlib.sha256).digest()


signing_key = hmac_sha256(hmac_sha256(hmac_sha256(hmac_sha256(("AWS4" + secret).encode(), day), "us-east-1"),
                                      "dynamodb"), "aws4_request")
signed_headers = "content-type;host;x-amz-date;x-amz-target"
with open(out, "w") as lua:
    lua.write("return {\n")
    for i in range(int(keys)):
        if operation == "GetItem":
            body = '{"TableName":"items","Key":{"id":{"S":"k%d"}}}' % i
        else:
            body = '{"TableName":"items","Item":{"id":{"S":"w%d"},"payload":{"S":"%s"}}}' % (i, payload)
        canonical = "\n".join([
            "POST", "/", "",
            "content-type:application/x-amz-json-1.0",
            f"host:127.0.0.1:{port}",
            f"x-amz-date:{amz_date}",
            f"x-amz-target:DynamoDB_20120810.{operation}",
            "", signed_headers, hashlib.sha256(body.encode()).hexdigest()])
        to_sign = "\n".join(["AWS4-HMAC-SHA256", amz_date, scope, hashlib.sha256(canonical.encode()).hexdigest()])
        signature = hmac.new(signing_key, to_sign.encode(), hashlib.sha256).hexdigest()
        authorization = (f"AWS4-HMAC-SHA256 Credential={key_id}/{scope}, SignedHeaders={signed_headers}, "
                         f"Signature={signature}")
        lua.write("{%r, %r},\n" % (authorization, body))
    lua.write("}\n")
print(amz_date)
