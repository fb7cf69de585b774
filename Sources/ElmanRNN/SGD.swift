extension Parameters {
    /// One step of plain stochastic gradient descent, θ ← θ − α ∂L/∂θ, for every variable.
    public mutating func descend(along gradients: Parameters, learningRate α: Double) {
        let H = self.H, inputSize = self.inputSize
        precondition(gradients.H == H && gradients.inputSize == inputSize, "shapes do not match")
        withMutableViews { θ in gradients.withViews { g in
            // weave:begin sgd
            for i in 0..<H {
                for k in 0..<inputSize { θ.U[i, k] -= α * g.U[i, k] }  // U ← U − α ∂L/∂U
                for j in 0..<H { θ.W[i, j] -= α * g.W[i, j] }          // W ← W − α ∂L/∂W
                θ.b[i] -= α * g.b[i]                                   // b ← b − α ∂L/∂b
                θ.V[0, i] -= α * g.V[0, i]                             // V ← V − α ∂L/∂V
            }
            θ.c[0] -= α * g.c[0]                                       // c ← c − α ∂L/∂c
            // weave:end sgd
        } }
    }
}
