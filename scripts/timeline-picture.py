#!/usr/bin/env python3
# Draws a trace-event file (`container-demo run … --trace run.json`) as a timeline picture, the
# way Perfetto's UI lays it out (a row per track, slices nested by depth, counters as steps),
# with headless Chromium: for the README and for machines that cannot open ui.perfetto.dev.
#   python3 scripts/timeline-picture.py run.json timeline.png [--width 1600]
import html, json, subprocess, sys, tempfile, os

def main():
    if len(sys.argv) < 3:
        sys.exit("usage: timeline-picture.py TRACE.json OUT.png [--width PIXELS]")
    source, target = sys.argv[1], sys.argv[2]
    width = int(sys.argv[sys.argv.index("--width") + 1]) if "--width" in sys.argv else 1600
    events = json.load(open(source))["traceEvents"]
    names = {e["tid"]: e["args"]["name"] for e in events if e.get("ph") == "M" and e.get("name") == "thread_name"}
    slices = [e for e in events if e.get("ph") == "X"]
    counters = [e for e in events if e.get("ph") == "C"]
    if not slices:
        sys.exit("no spans in " + source)
    start = min(e["ts"] for e in slices)
    end = max(e["ts"] + e["dur"] for e in slices)
    label_width, row_height, scale = 260, 22, (width - 280) / max(end - start, 1)
    colours = {"hybrid.launch": "#4f7cff", "hybrid.hook": "#8e5cf7", "hybrid.jsapi": "#16a085",
               "hybrid.setData": "#e67e22", "hybrid.render": "#f1c40f", "hybrid.navigate": "#e74c3c"}
    rows, y = [], 40
    for tid in sorted({e["tid"] for e in slices}):
        track = sorted((e for e in slices if e["tid"] == tid), key=lambda e: (e["ts"], -e["dur"]))
        depth_ends, placed = [], []
        for e in track:  # the depth of each slice: how many open slices contain it
            while depth_ends and depth_ends[-1] <= e["ts"]:
                depth_ends.pop()
            placed.append((len(depth_ends), e))
            depth_ends.append(e["ts"] + e["dur"])
        depth = max(d for d, _ in placed) + 1
        rows.append(f'<div class="label" style="top:{y}px;height:{depth * row_height}px">{html.escape(names.get(tid, str(tid)))}</div>')
        for d, e in placed:
            left = label_width + (e["ts"] - start) * scale
            w = max(e["dur"] * scale, 2)
            colour = colours.get(e.get("cat", ""), "#7f8c8d")
            text = html.escape(e["name"].replace("hybrid.", ""))
            title = html.escape(json.dumps(e.get("args", {})))
            rows.append(f'<div class="slice" title="{title}" style="left:{left:.1f}px;top:{y + d * row_height}px;'
                        f'width:{w:.1f}px;background:{colour}">{text if w > 40 else ""}</div>')
        y += depth * row_height + 10
    series = {}
    for c in counters:
        series.setdefault(c["name"], []).append(c)
    for name, samples in sorted(series.items())[:4]:
        peak = max(s["args"]["value"] for s in samples) or 1
        rows.append(f'<div class="label" style="top:{y}px;height:30px">{html.escape(name)}</div>')
        for s in samples:
            left = label_width + (s["ts"] - start) * scale
            h = 28 * s["args"]["value"] / peak
            rows.append(f'<div class="counter" style="left:{left:.1f}px;top:{y + 28 - h:.1f}px;height:{h:.1f}px"></div>')
        y += 40
    ticks = "".join(
        f'<div class="tick" style="left:{label_width + i * (width - 280) / 10:.0f}px">{(end - start) * i / 10000:.0f} ms</div>'
        for i in range(11))
    page = f"""<!doctype html><meta charset="utf-8"><style>
body {{ margin: 0; font: 12px 'Noto Sans', sans-serif; background: #fff; width: {width}px; height: {y + 20}px; position: relative; }}
.label {{ position: absolute; left: 8px; width: {label_width - 16}px; color: #333; border-top: 1px solid #eee; padding-top: 4px; }}
.slice {{ position: absolute; height: {row_height - 3}px; color: #fff; overflow: hidden; white-space: nowrap;
  border-radius: 2px; padding-left: 3px; box-sizing: border-box; line-height: {row_height - 3}px; }}
.counter {{ position: absolute; width: 3px; background: #5d6d7e; }}
.tick {{ position: absolute; top: 10px; color: #888; border-left: 1px solid #ddd; padding-left: 3px; height: {y}px; }}
</style><body>{ticks}{''.join(rows)}</body>"""
    with tempfile.TemporaryDirectory() as folder:
        page_file = os.path.join(folder, "timeline.html")
        open(page_file, "w").write(page)
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--hide-scrollbars", f"--window-size={width},{y + 20}",
                        f"--screenshot={os.path.abspath(target)}", "file://" + page_file],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    print(f"{target}: {len(slices)} spans on {len(names)} tracks, {(end - start) / 1000:.1f} ms")

main()
