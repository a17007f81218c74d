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

export function exportSvg(id, fileName) {
    const svg = document.getElementById(id);
    download(new Blob([serialize(svg)], { type: 'image/svg+xml' }), fileName);
}

export function exportPng(id, fileName) {
    const svg = document.getElementById(id);
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
    for (const edge of svg.querySelectorAll('.km-edge')) {
        const line = edge.querySelector('line');
        const label = edge.querySelector('text');
        if (edge.dataset.source === id) {
            line.setAttribute('x1', x);
            line.setAttribute('y1', y);
        }
        if (edge.dataset.target === id) {
            line.setAttribute('x2', x);
            line.setAttribute('y2', y);
        }
        if (edge.dataset.source === id || edge.dataset.target === id) {
            const mx = (parseFloat(line.getAttribute('x1')) + parseFloat(line.getAttribute('x2'))) / 2;
            const my = (parseFloat(line.getAttribute('y1')) + parseFloat(line.getAttribute('y2'))) / 2;
            label.setAttribute('x', mx);
            label.setAttribute('y', my - 6);
        }
    }
}
