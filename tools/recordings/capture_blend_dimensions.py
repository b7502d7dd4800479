#!/usr/bin/env python3
"""A real trueai server's answers to blends with and without "dimensions": an explicit null (with two images, one
image, and two that are not base64), the field left out, and a lower-case value. Beyond capture.py's blend-baddim
(an unknown value), which model binding refuses before the controller runs.

usage: capture_blend_dimensions.py BASEURL OUT.json
The server must run with EnableGuest=true and Redis on; the requests carry no key (a guest). 127.0.0.1 only.
The output is the capture kit's list: [{name, method, path, sent_headers, request, status, content_type, body, json}]
(a plain list, so every reader of capture.py's files reads it too)."""
import sys, json, http.client, urllib.parse

base, out = sys.argv[1], sys.argv[2]
u = urllib.parse.urlparse(base)
assert u.hostname == '127.0.0.1', 'talks to 127.0.0.1 only'
# The capture kit's red.png and blue.png (64x64).
RED = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAEAAAABACAIAAAAlC+aJAAAAeUlEQVR4nO3PQQkAMAzAwCqpfymTNRF7HINABFzm7H7dcEEDWtCAFjSgBQ1oQQNa0IAWNKAFDWhBA1rQgBY0oAUNaEEDWtCAFjSgBQ1oQQNa0IAWNKAFDWhBA1rQgBY0oAUNaEEDWtCAFjSgBQ1oQQNa0IAWNKAFj13Kp0DxHeM4GQAAAABJRU5ErkJggg=='
BLUE = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAEAAAABACAIAAAAlC+aJAAAAeUlEQVR4nO3PQQkAMAzAwCqpfymTNRF7HINABFxm93zdcEEDWtCAFjSgBQ1oQQNa0IAWNKAFDWhBA1rQgBY0oAUNaEEDWtCAFjSgBQ1oQQNa0IAWNKAFDWhBA1rQgBY0oAUNaEEDWtCAFjSgBQ1oQQNa0IAWNKAFj12JbEDxwwbwKgAAAABJRU5ErkJggg=='
J = json.dumps
reqs = [
    ('blend-null-dimensions', J({'base64Array': [RED, BLUE], 'dimensions': None})),
    ('blend-null-dimensions-one-image', J({'base64Array': [RED], 'dimensions': None})),
    ('blend-null-dimensions-bad-base64', J({'base64Array': ['not base64!!', 'nor this'], 'dimensions': None})),
    ('blend-no-dimensions', J({'base64Array': [RED, BLUE]})),
    ('blend-lowercase-dimensions', J({'base64Array': [RED, BLUE], 'dimensions': 'portrait'})),
]
res = []
for name, body in reqs:
    headers = {'Content-Type': 'application/json'}
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=60)
    try:
        c.request('POST', '/mj/submit/blend', body=body.encode(), headers=headers)
        r = c.getresponse()
        text = r.read().decode('utf-8', 'replace')
        status, ctype = r.status, r.getheader('Content-Type')
    finally:
        c.close()
    try: parsed = json.loads(text) if text else None
    except Exception: parsed = None
    res.append({'name': name, 'method': 'POST', 'path': '/mj/submit/blend', 'sent_headers': headers, 'request': body,
                'status': status, 'content_type': ctype, 'body': text[:4000], 'json': parsed})
json.dump(res, open(out, 'w'), indent=1, ensure_ascii=False)
for r in res:
    print(f"{r['name']:34} {r['status']} {str(r['content_type'])[:31]:31} {r['body'][:100]!r}")
