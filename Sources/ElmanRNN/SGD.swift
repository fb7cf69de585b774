extension Parameters {
    /// One step of plain stochastic gradient descent, θ ← θ − α ∂L/∂θ, for every variable.
    public mutating func descend(along gradients: Parameters, learningRate α: Double) {
        // weave:begin sgd
        for k in U.elements.indices { U.elements[k] -= α * gradients.U.elements[k] }
        for k in W.elements.indices { W.elements[k] -= α * gradients.W.elements[k] }
        for k in b.indices { b[k] -= α * gradients.b[k] }
        for k in V.elements.indices { V.elements[k] -= α * gradients.V.elements[k] }
        c[0] -= α * gradients.c[0]
        // weave:end sgd
    }
}
