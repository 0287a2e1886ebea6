"""Rules as code: the model, the documents, the registry and one module per rule."""
