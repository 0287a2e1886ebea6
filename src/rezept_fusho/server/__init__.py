"""The HTTP service (the ``server`` extra: FastAPI + uvicorn): ``rezept-fusho serve``.

Other clinic systems call the library over HTTP on the same machine; the
OpenAPI document is generated from the same pydantic models as the JSON
Schemas. See :func:`rezept_fusho.server.app.create_app`.
"""
