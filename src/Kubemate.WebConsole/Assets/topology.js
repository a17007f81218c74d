// Pan, zoom and node dragging for the topology SVG, and export as SVG or PNG. The layout itself is computed on the
// server; a drop is reported back so the position is kept for the session.
const states = new WeakMap();

export function attach(id, dotnet) {
    const svg = document.getElementById(id);
    if (!svg || states.has(svg)) {
        return;
    }
    const state = { dotnet, scale: 1, x: 0, y: 0, drag: null, pan: null };
    states.set(svg, state);
    svg.addEventListener('wheel', e => {
        e.preventDefault();
        const factor = e.deltaY < 0 ? 1.1 : 1 / 1.1;
        const p = toSvg(svg, e);
        state.scale = Math.min(4, Math.max(0.2, state.scale * factor));
        state.x = p.x - (p.x - state.x) * factor;
        state.y = p.y - (p.y - state.y) * factor;
        apply(svg, state);
    }, { passive: false });
    svg.addEventListener('pointerdown', e => {
        const node = e.target.closest('.km-node');
        const p = toSvg(svg, e);
        if (node) {
            const [nx, ny] = translation(node);
            state.drag = { node, dx: (p.x - state.x) / state.scale - nx, dy: (p.y - state.y) / state.scale - ny, from: p, moved: false };
        } else {
            state.pan = { x: p.x - state.x, y: p.y - state.y };
            svg.setPointerCapture(e.pointerId);
        }
    });
    svg.addEventListener('pointermove', e => {
        const p = toSvg(svg, e);
        if (state.drag) {
            // Capture only once the pointer really moves: a plain click must still reach the node.
            if (!state.drag.moved && Math.hypot(p.x - state.drag.from.x, p.y - state.drag.from.y) < 4) {
                return;
            }
            if (!state.drag.moved) {
                state.drag.moved = true;
                svg.setPointerCapture(e.pointerId);
            }
            const x = (p.x - state.x) / state.scale - state.drag.dx;
            const y = (p.y - state.y) / state.scale - state.drag.dy;
            moveNode(svg, state.drag.node, x, y);
        } else if (state.pan) {
            state.x = p.x - state.pan.x;
            state.y = p.y - state.pan.y;
            apply(svg, state);
        }
    });
    const end = e => {
        if (state.drag && state.drag.moved) {
            const [x, y] = translation(state.drag.node);
            state.dotnet.invokeMethodAsync('NodeMoved', state.drag.node.dataset.nodeId, x, y);
            // A drag is not a click: swallow the click that may follow it, and only that one.
            const swallow = ev => ev.stopPropagation();
            svg.addEventListener('click', swallow, { capture: true, once: true });
            setTimeout(() => svg.removeEventListener('click', swallow, { capture: true }), 0);
        }
        state.drag = null;
        state.pan = null;
        if (svg.hasPointerCapture(e.pointerId)) {
            svg.releasePointerCapture(e.pointerId);
        }
    };
    svg.addEventListener('pointerup', end);
    svg.addEventListener('pointercancel', end);
}

export function reset(id) {
    const svg = document.getElementById(id);
    const state = states.get(svg);
    if (state) {
        Object.assign(state, { scale: 1, x: 0, y: 0 });
        apply(svg, state);
    }
}

// Export buttons (data-topology-export="svg|png") are handled here, once per page, so the download begins inside the
// user's click; a disabled button receives no clicks.
document.addEventListener('click', e => {
    const button = e.target.closest?.('[data-topology-export]');
    if (!button) {
        return;
    }
    const exporter = button.dataset.topologyExport === 'png' ? exportPng : exportSvg;
    exporter(button.dataset.topology, button.dataset.fileName);
});

function exportSvg(id, fileName) {
    const svg = document.getElementById(id);
    if (!svg) {
        return;
    }
    download(new Blob([serialize(svg)], { type: 'image/svg+xml' }), fileName);
}

function exportPng(id, fileName) {
    const svg = document.getElementById(id);
    if (!svg) {
        return;
    }
    const box = svg.viewBox.baseVal;
    const image = new Image();
    const url = URL.createObjectURL(new Blob([serialize(svg)], { type: 'image/svg+xml' }));
    image.onload = () => {
        const canvas = document.createElement('canvas');
        canvas.width = box.width * 2;
        canvas.height = box.height * 2;
        const context = canvas.getContext('2d');
        context.fillStyle = '#ffffff';
        context.fillRect(0, 0, canvas.width, canvas.height);
        context.drawImage(image, 0, 0, canvas.width, canvas.height);
        URL.revokeObjectURL(url);
        canvas.toBlob(blob => download(blob, fileName), 'image/png');
    };
    image.src = url;
}

function serialize(svg) {
    const copy = svg.cloneNode(true);
    // Export the whole graph, not the current pan and zoom.
    copy.querySelector('.km-topology-viewport')?.removeAttribute('transform');
    copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
    copy.setAttribute('width', svg.viewBox.baseVal.width);
    copy.setAttribute('height', svg.viewBox.baseVal.height);
    return new XMLSerializer().serializeToString(copy);
}

function download(blob, fileName) {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = fileName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

function apply(svg, state) {
    svg.querySelector('.km-topology-viewport')
        .setAttribute('transform', `translate(${state.x},${state.y}) scale(${state.scale})`);
}

function toSvg(svg, e) {
    const point = svg.createSVGPoint();
    point.x = e.clientX;
    point.y = e.clientY;
    return point.matrixTransform(svg.getScreenCTM().inverse());
}

function translation(node) {
    const match = /translate\(([-\d.]+),([-\d.]+)\)/.exec(node.getAttribute('transform'));
    return match ? [parseFloat(match[1]), parseFloat(match[2])] : [0, 0];
}

function moveNode(svg, node, x, y) {
    node.setAttribute('transform', `translate(${x},${y})`);
    const id = node.dataset.nodeId;
    const selector = `.km-edge[data-source="${CSS.escape(id)}"], .km-edge[data-target="${CSS.escape(id)}"]`;
    for (const edge of svg.querySelectorAll(selector)) {
        const from = positionOf(svg, edge.dataset.source);
        const to = positionOf(svg, edge.dataset.target);
        if (!from || !to) {
            continue;
        }
        const control = controlPoint(svg, from, to);
        edge.querySelector('path').setAttribute('d', `M ${from[0]} ${from[1]} Q ${control[0]} ${control[1]} ${to[0]} ${to[1]}`);
        // While dragging, a label rides the middle of its edge; on the drop the server places every label again
        // (and redraws the moved edges and labels, which it keys by their ends' positions).
        const labelGroup = svg.querySelector(`[data-label-of="${CSS.escape(edge.dataset.edge)}"]`);
        const label = labelGroup?.querySelector('text');
        const card = labelGroup?.querySelector('.km-edge-label-card');
        if (label) {
            const mx = (from[0] + 2 * control[0] + to[0]) / 4;
            const my = (from[1] + 2 * control[1] + to[1]) / 4;
            const dx = mx - parseFloat(label.getAttribute('x'));
            const dy = my + 4 - parseFloat(label.getAttribute('y'));
            label.setAttribute('x', mx);
            label.setAttribute('y', my + 4);
            if (card) {
                card.setAttribute('x', parseFloat(card.getAttribute('x')) + dx);
                card.setAttribute('y', parseFloat(card.getAttribute('y')) + dy);
            }
        }
    }
}

function positionOf(svg, id) {
    const node = svg.querySelector(`.km-node[data-node-id="${CSS.escape(id)}"]`);
    return node ? translation(node) : null;
}

// The same rule as EdgeCurve.Between in C# (its constants come in the SVG's data-bend attribute).
function controlPoint(svg, from, to) {
    const [base, perSkip, max, columnWidth, rowHeight] = svg.dataset.bend.split(',').map(parseFloat);
    const dx = to[0] - from[0];
    const dy = to[1] - from[1];
    const length = Math.hypot(dx, dy);
    if (length < 1e-9) {
        return from;
    }
    const span = Math.abs(dy) < rowHeight / 2 ? Math.abs(dx) / columnWidth
        : Math.abs(dx) < columnWidth / 2 ? Math.abs(dy) / rowHeight
        : 1;
    const bend = Math.min(max, base + perSkip * Math.max(0, span - 1));
    return [(from[0] + to[0]) / 2 + dy / length * 2 * bend, (from[1] + to[1]) / 2 - dx / length * 2 * bend];
}
