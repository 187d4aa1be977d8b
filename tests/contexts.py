"""Docker CLI contexts written the way ``docker context create`` stores them.

``<config>/contexts/meta/<sha256 of the name>/meta.json``; ``current`` also
sets ``currentContext`` in ``<config>/config.json``. Tests point
``DOCKER_CONFIG`` at ``config`` so the user's own contexts are never read.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path


def write_context(
    config: Path, name: str, host: str, *, description: str = "", current: bool = False
) -> None:
    meta = config / "contexts" / "meta" / hashlib.sha256(name.encode()).hexdigest()
    meta.mkdir(parents=True)
    body = {
        "Name": name,
        "Metadata": {"Description": description} if description else {},
        "Endpoints": {"docker": {"Host": host, "SkipTLSVerify": False}},
    }
    (meta / "meta.json").write_text(json.dumps(body))
    if current:
        (config / "config.json").write_text(json.dumps({"currentContext": name}))
