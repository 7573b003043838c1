#!/usr/bin/env python3
"""Builds cordon-intel's bundled intelligence pack from the shared public data folder.

Usage: tools/build-pack.py /path/to/shared/data/intel

Copies files unchanged where they are small, and row subsets (never edited rows) where the
source is large, together with each source's LICENSE and PROVENANCE; the manifest
(pack/manifest.yaml) is maintained by hand and names every file.
"""
import json
import os
import shutil
import sys

SRC = sys.argv[1]
DST = os.path.join(os.path.dirname(__file__), "..", "src", "main", "resources", "dev", "cordon", "intel", "pack")


def out(*parts):
    p = os.path.join(DST, *parts)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    return p


def copy(src_rel, dst_rel):
    shutil.copyfile(os.path.join(SRC, src_rel), out(dst_rel))


def provenance(folder, dst, extra):
    with open(os.path.join(SRC, folder, "PROVENANCE.txt")) as f:
        text = f.read().rstrip("\n")
    with open(out(dst, "PROVENANCE.txt"), "w") as f:
        f.write(text + "\n" + extra + "\n")
    lic = os.path.join(SRC, folder, "LICENSE")
    if os.path.exists(lic):
        shutil.copyfile(lic, out(dst, "LICENSE"))


# OFAC SDN: only the rows that list digital currency addresses, bytes unchanged (latin-1).
with open(os.path.join(SRC, "ofac-sdn", "sdn.csv"), "rb") as f:
    rows = [l for l in f.read().split(b"\r\n") if b"Digital Currency Address" in l]
with open(out("ofac", "sdn-digital-currency.csv"), "wb") as f:
    f.write(b"".join(r + b"\r\n" for r in rows))
provenance("ofac-sdn", "ofac", "Bundled subset: the %d rows of sdn.csv whose remarks list a Digital Currency Address, "
           "bytes unchanged (latin-1, CRLF). US Government work, public domain." % len(rows))

copy("fbi-bybit/fbi_ic3_psa250226_bybit_tradertraitor_eth_addresses.txt", "fbi-bybit/fbi_ic3_psa250226_bybit_tradertraitor_eth_addresses.txt")
provenance("fbi-bybit", "fbi-bybit", "Bundled unchanged.")

packs = ["lazarus.yaml", "lazarus2.yaml", "ronin_bridge.yaml", "hacks.yaml", "tornado_cash.yaml", "binance_hack.yaml",
         "exchange-wallets-binance.yaml", "exchange-wallets-bybit.yaml", "exchange-wallets-huobi.yaml",
         "exchange-wallets-kucoin.yaml", "exchange-wallets-okx.yaml", "ofac.yaml", "mixing_fc2021.yaml",
         "blender_io.yaml", "sinbad_io.yaml", "usdt_blacklist.yaml"]
for p in packs:
    copy("graphsense-tagpacks/packs/" + p, "graphsense/" + p)
# ActorPack: keep the header and the actors that bundled tags name or that are exchanges, mixers or bridges.
referenced = set()
for p in packs:
    for line in open(os.path.join(SRC, "graphsense-tagpacks/packs", p)):
        s = line.strip()
        if s.startswith("actor:") or s.startswith("- actor:"):
            referenced.add(s.split(":", 1)[1].strip().strip("'\""))
referenced |= {"binance", "coinbase", "kraken", "bitfinex", "huobi", "kucoin", "okex", "gemini", "poloniex", "bittrex",
               "bitstamp", "upbit", "gate", "cryptocom", "ftx", "tornado", "bybit", "bybithacker", "lazarusgroup"}
lines = open(os.path.join(SRC, "graphsense-tagpacks/graphsense.actorpack.yaml")).read().split("\n")
head, blocks, cur = [], [], None
for line in lines:
    if line.startswith("- id:"):
        cur = [line]
        blocks.append(cur)
    elif cur is None:
        head.append(line)
    else:
        cur.append(line)
keep = []
for b in blocks:
    aid = b[0].split(":", 1)[1].strip().strip("'\"")
    cats = [l.strip()[2:] for l in b if l.startswith("  - ")]
    if aid in referenced or any(c in ("exchange", "mixing_service", "defi_bridge") for c in cats):
        keep.append(b)
with open(out("graphsense", "graphsense.actorpack.yaml"), "w") as f:
    f.write("\n".join(head + [l for b in keep for l in b]).rstrip("\n") + "\n")
provenance("graphsense-tagpacks", "graphsense",
           "Bundled: packs %s unchanged; graphsense.actorpack.yaml reduced to the %d actors that bundled tags name or "
           "that are exchanges, mixers or bridges (actor entries unchanged)." % (", ".join(packs), len(keep)))

# Etherscan label cloud: only entries with an exchange, bridge, mixer, OFAC, block or heist label.
SCOPE = {"ofac-sanctions-lists", "heist", "exploit", "phish-hack", "tornado-cash", "ethereum-mixer", "blocked", "binance",
         "binance-deposit", "bitfinex", "bitstamp", "bittrex", "coinbase", "crypto-com", "ftx", "gate-io", "gemini", "huobi",
         "kraken", "kucoin", "okx", "poloniex", "upbit", "hot-wallet", "cold-wallet", "fiat-gateway", "bridge"}
data = json.load(open(os.path.join(SRC, "etherscan-labels", "etherscan_combinedAllLabels.json")))
sub = {k: v for k, v in data.items() if SCOPE & set(v.get("labels", []))}
with open(out("etherscan", "etherscan_labels_in_scope.json"), "w") as f:
    json.dump(sub, f, indent=0)
provenance("etherscan-labels", "etherscan", "Bundled subset: the %d of %d entries of combinedAllLabels.json carrying one of "
           "the labels %s; entries unchanged." % (len(sub), len(data), ", ".join(sorted(SCOPE))))

# Forta: heist and exploit rows of the Etherscan malicious labels; malicious smart contracts unchanged.
with open(os.path.join(SRC, "forta-labelled/labels/1/etherscan_malicious_labels.csv")) as f:
    lines = f.read().split("\n")
kept = [lines[0]] + [l for l in lines[1:] if l.endswith(",etherscan-heist-list") or l.endswith(",etherscan-exploit-list")]
with open(out("forta", "etherscan_heist_exploit_labels.csv"), "w") as f:
    f.write("\n".join(kept) + "\n")
copy("forta-labelled/labels/1/malicious_smart_contracts.csv", "forta/malicious_smart_contracts.csv")
provenance("forta-labelled", "forta", "Bundled: labels/1/malicious_smart_contracts.csv unchanged; "
           "etherscan_heist_exploit_labels.csv = the header and the %d rows of labels/1/etherscan_malicious_labels.csv "
           "whose data_source is etherscan-heist-list or etherscan-exploit-list, rows unchanged." % (len(kept) - 1))
print("pack written to", os.path.normpath(DST))
