#!/usr/bin/python3
"""PyTorch side of the GPT oracle test (Debian's /usr/bin/python3 with python3-torch).

  gpt_oracle.py REFERENCE_PY WEIGHTS CONFIG_JSON IDS_JSON
      builds bench/gpt_reference.py's GPT with the sizes in CONFIG_JSON (GenAI's checkpoint config), loads the
      safetensors WEIGHTS written by GenAI (strict: every name and shape must match), and prints as JSON the logits
      for IDS_JSON ([B][T] ids) and the cross-entropy of predicting ids[:, 1:] from ids[:, :-1].
"""
import importlib.util
import json
import os
import sys

import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from torch_interop import read_safetensors  # noqa: E402


def main():
    reference, weights, config_path, ids_path = sys.argv[1:5]
    spec = importlib.util.spec_from_file_location("gpt_reference", reference)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    with open(config_path, encoding="utf-8") as f:
        c = json.load(f)["config"]
    model = module.GPT(c["VocabularySize"], c["BlockSize"], c["Layers"], c["Heads"], c["EmbeddingSize"], 0.0, c["Bias"])
    model.load_state_dict(read_safetensors(weights), strict=True)
    model.eval()
    with open(ids_path, encoding="utf-8") as f:
        ids = torch.tensor(json.load(f), dtype=torch.long)
    with torch.no_grad():
        logits = model.logits(ids)
        loss = model(ids[:, :-1].contiguous(), ids[:, 1:].contiguous()).item()
    print(json.dumps({"logits": logits.reshape(-1).tolist(), "loss": loss}))


if __name__ == "__main__":
    main()
