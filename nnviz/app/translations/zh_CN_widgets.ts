<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ActivationHeatmaps</name>
    <message>
        <source>activation</source>
        <translation>激活值</translation>
    </message>
    <message>
        <source>layer max</source>
        <translation>本层最大值</translation>
    </message>
    <message>
        <source>Each square is one neuron; the colour scale runs from 0 to the layer&apos;s largest activation.</source>
        <translation>每个方格是一个神经元；色标从 0 到该层的最大激活值。</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Hide this message</source>
        <translation>隐藏此消息</translation>
    </message>
</context>
<context>
    <name>Canvas</name>
    <message>
        <source>{0}: no such file; drop a PNG, JPEG or BMP picture of a digit</source>
        <translation>{0}：文件不存在；请拖入一张数字的 PNG、JPEG 或 BMP 图片</translation>
    </message>
    <message>
        <source>{0} is not a picture nnviz can read; use a PNG, JPEG or BMP image of a digit</source>
        <translation>{0} 不是 nnviz 能读取的图片；请使用数字的 PNG、JPEG 或 BMP 图片</translation>
    </message>
    <message>
        <source>{0} is not a readable NumPy array ({1})</source>
        <translation>{0} 不是可读取的 NumPy 数组（{1}）</translation>
    </message>
    <message>
        <source>{0} holds an array of shape {1}; expected a 2-D grey picture</source>
        <translation>{0} 中数组的形状为 {1}；应为二维灰度图像</translation>
    </message>
    <message>
        <source>Draw a digit with the left mouse button or a pen.
Right button erases; the mouse wheel changes the pen width.
Drop a picture file here to load it.</source>
        <translation>用鼠标左键或手写笔写一个数字。
右键擦除；鼠标滚轮调节笔的粗细。
把图片文件拖到这里即可载入。</translation>
    </message>
    <message>
        <source>Draw a digit here</source>
        <translation>在这里写一个数字</translation>
    </message>
    <message>
        <source>right button erases</source>
        <translation>右键擦除</translation>
    </message>
</context>
<context>
    <name>DownloadDialog</name>
    <message>
        <source>Download MNIST</source>
        <translation>下载 MNIST</translation>
    </message>
    <message>
        <source>MNIST is ready in {0}</source>
        <translation>MNIST 已就绪，位于 {0}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Training needs the MNIST digits&lt;/b&gt;, which nnviz does not ship.&lt;br&gt;&lt;br&gt;Download them now? That is four files, {0} in all, from the public MNIST mirrors, checked against their published checksums, into&lt;br&gt;&lt;code&gt;{1}&lt;/code&gt;&lt;br&gt;&lt;br&gt;Already have them? Close this and point the environment variable &lt;code&gt;NNVIZ_DATA&lt;/code&gt; (or &lt;code&gt;nnviz --data DIR&lt;/code&gt;) at the folder that holds the four &lt;code&gt;*-ubyte.gz&lt;/code&gt; files.</source>
        <translation>&lt;b&gt;训练需要 MNIST 手写数字数据集&lt;/b&gt;，nnviz 没有附带。&lt;br&gt;&lt;br&gt;现在下载吗？共四个文件，总计 {0}，从公开的 MNIST 镜像下载，并按其公布的校验和核对，保存到&lt;br&gt;&lt;code&gt;{1}&lt;/code&gt;&lt;br&gt;&lt;br&gt;已经有这些文件了？请关闭此窗口，并把环境变量 &lt;code&gt;NNVIZ_DATA&lt;/code&gt;（或 &lt;code&gt;nnviz --data DIR&lt;/code&gt;）指向存放这四个 &lt;code&gt;*-ubyte.gz&lt;/code&gt; 文件的文件夹。</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>{0} of {1} · {2}</source>
        <translation>{0} / {1} · {2}</translation>
    </message>
    <message>
        <source>the download failed: {0}: {1}</source>
        <translation>下载失败：{0}：{1}</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>{0} You can try again, or close this dialog.</source>
        <translation>{0} 可以重试，或关闭此对话框。</translation>
    </message>
    <message>
        <source>Download cancelled; nothing was left behind.</source>
        <translation>下载已取消，没有留下任何文件。</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>DreamView</name>
    <message>
        <source>Dream</source>
        <translation>梦境</translation>
    </message>
    <message>
        <source>digit </source>
        <translation>数字 </translation>
    </message>
    <message>
        <source>an output digit</source>
        <translation>一个输出数字</translation>
    </message>
    <message>
        <source>from faint noise</source>
        <translation>从微弱噪声开始</translation>
    </message>
    <message>
        <source>from a blank canvas</source>
        <translation>从空白画布开始</translation>
    </message>
    <message>
        <source>from my drawing</source>
        <translation>从我的手写开始</translation>
    </message>
    <message>
        <source>smooth (a blur prior: no detail finer than {0} px)</source>
        <translation>平滑（模糊先验：不含小于 {0} 像素的细节）</translation>
    </message>
    <message>
        <source>Put on the canvas</source>
        <translation>放到画布上</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>what it dreams</source>
        <translation>它梦见的</translation>
    </message>
    <message>
        <source>Press Dream: starting from noise, the picture is changed step by step so that the network grows surer it sees the digit.</source>
        <translation>按“梦境”：从噪声开始，图片一步步改变，让网络越来越确信它看到的是这个数字。</translation>
    </message>
    <message>
        <source>{0}, neuron {1}</source>
        <translation>{0}，神经元 {1}</translation>
    </message>
    <message>
        <source>step {0}: the network is {1:.1f} % sure this is a {2}</source>
        <translation>第 {0} 步：网络有 {1:.1f} % 的把握这是 {2}</translation>
    </message>
    <message>
        <source>step {0}: the neuron&apos;s activation is {1:.3g}</source>
        <translation>第 {0} 步：神经元的激活值为 {1:.3g}</translation>
    </message>
</context>
<context>
    <name>DropsPictures</name>
    <message>
        <source>only picture files can be dropped on the canvas (PNG, JPEG, BMP)</source>
        <translation>只能把图片文件拖到画布上（PNG、JPEG、BMP）</translation>
    </message>
    <message>
        <source>the dropped picture could not be read; drop a PNG, JPEG or BMP file</source>
        <translation>无法读取拖入的图片；请拖入 PNG、JPEG 或 BMP 文件</translation>
    </message>
</context>
<context>
    <name>EvaluationView</name>
    <message>
        <source>Evaluate on the test digits</source>
        <translation>在测试集上评估</translation>
    </message>
    <message>
        <source>Run the current network on the 10,000 MNIST test digits (Ctrl+E)</source>
        <translation>在 10,000 个 MNIST 测试样本上运行当前网络（Ctrl+E）</translation>
    </message>
    <message>
        <source>Most confident mistakes</source>
        <translation>最有把握的错误</translation>
    </message>
    <message>
        <source>Try it on the canvas</source>
        <translation>放到画布上试试</translation>
    </message>
    <message>
        <source>Put the selected digit on the canvas (or double-click it)</source>
        <translation>把选中的数字放到画布上（或双击它）</translation>
    </message>
    <message>
        <source>Press Evaluate to see where the network is right and wrong.</source>
        <translation>按“在测试集上评估”，看看网络哪里认对了、哪里认错了。</translation>
    </message>
    <message>
        <source>true digit</source>
        <translation>真实数字</translation>
    </message>
    <message>
        <source>network&apos;s answer</source>
        <translation>网络的答案</translation>
    </message>
    <message>
        <source>digits per cell (log scale)</source>
        <translation>每格的数字个数（对数坐标）</translation>
    </message>
    <message>
        <source>evaluating {0} digits…</source>
        <translation>正在评估 {0} 个数字…</translation>
    </message>
    <message>
        <source>The network changed: press Evaluate to see how the new one does.</source>
        <translation>网络已更改：按“在测试集上评估”查看新网络的表现。</translation>
    </message>
    <message>
        <source>{0} digits {1} read correctly</source>
        <translation>{0} 个数字 {1} 被正确识别</translation>
    </message>
    <message>
        <source>{0} digits {1} read as {2}</source>
        <translation>{0} 个数字 {1} 被认成 {2}</translation>
    </message>
    <message>
        <source>{0} (most confident first)</source>
        <translation>{0}（把握最大的在前）</translation>
    </message>
    <message>
        <source>{0} mistakes, the most confident first</source>
        <translation>{0} 个错误，把握最大的在前</translation>
    </message>
    <message>
        <source>The evaluation failed: {0}: {1}</source>
        <translation>评估失败：{0}：{1}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Accuracy {0} %&lt;/b&gt; on {1} test digits ({2} wrong).&lt;br&gt;Per digit (%): {3}</source>
        <translation>&lt;b&gt;准确率 {0} %&lt;/b&gt;，共 {1} 个测试样本（错 {2} 个）。&lt;br&gt;各数字准确率 (%)：{3}</translation>
    </message>
    <message>
        <source>{0}; the first {1} shown</source>
        <translation>{0}；只显示前 {1} 个</translation>
    </message>
    <message>
        <source>test digit #{0}: double-click to put it on the canvas</source>
        <translation>测试样本 #{0}：双击放到画布上</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>Drawing</source>
        <translation>画布</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>混淆矩阵</translation>
    </message>
    <message>
        <source>Hidden-layer activations</source>
        <translation>隐藏层激活值</translation>
    </message>
    <message>
        <source>Hidden-layer map</source>
        <translation>隐藏层地图</translation>
    </message>
    <message>
        <source>Weight and gradient histograms</source>
        <translation>权重与梯度直方图</translation>
    </message>
    <message>
        <source>Network input (28×28)</source>
        <translation>网络输入（28×28）</translation>
    </message>
    <message>
        <source>Knock-out study</source>
        <translation>敲除实验</translation>
    </message>
    <message>
        <source>Loss and accuracy</source>
        <translation>损失与准确率</translation>
    </message>
    <message>
        <source>Neuron inspector</source>
        <translation>神经元检查器</translation>
    </message>
    <message>
        <source>Probabilities</source>
        <translation>概率</translation>
    </message>
    <message>
        <source>First-layer weights</source>
        <translation>第一层权重</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>nnviz help</source>
        <translation>nnviz 帮助</translation>
    </message>
</context>
<context>
    <name>HiddenMapView</name>
    <message>
        <source>Evaluate or train to load the test digits for the map.</source>
        <translation>评估或训练后会载入测试样本来绘制此图。</translation>
    </message>
    <message>
        <source>principal component 1</source>
        <translation>第一主成分</translation>
    </message>
    <message>
        <source>principal component 2</source>
        <translation>第二主成分</translation>
    </message>
    <message>
        <source>your drawing</source>
        <translation>你写的数字</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>The network changed: the map is being redone.</source>
        <translation>网络已更改：正在重新绘制此图。</translation>
    </message>
    <message>
        <source>This network has no hidden layer to map.</source>
        <translation>该网络没有可绘制的隐藏层。</translation>
    </message>
    <message>
        <source>The map could not be computed: {0}: {1}</source>
        <translation>无法计算此图：{0}：{1}</translation>
    </message>
    <message>
        <source>{0} test digits; the two components show {1} % of the layer&apos;s variance</source>
        <translation>{0} 个测试样本；这两个主成分解释了该层 {1} % 的方差</translation>
    </message>
    <message>
        <source>hidden {0}</source>
        <translation>隐藏层 {0}</translation>
    </message>
</context>
<context>
    <name>HistogramsView</name>
    <message>
        <source>weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>% of the layer</source>
        <translation>占该层的 %</translation>
    </message>
    <message>
        <source>log10 |gradient| of the last step</source>
        <translation>上一步的 log10 |梯度|</translation>
    </message>
    <message>
        <source>Gradients appear once training has taken a step.</source>
        <translation>训练走过一步后才会显示梯度。</translation>
    </message>
</context>
<context>
    <name>InputPreview</name>
    <message>
        <source>The network&apos;s input: your drawing cropped, scaled to fit the 20×20 box (dashed)
and centred by its centre of mass (cross) in 28×28 pixels, like the MNIST digits.
Its strokes are re-drawn at the width of MNIST&apos;s pen strokes, so a thin or a thick pen
and a small or a large digit reach the network alike.</source>
        <translation>网络的输入：你的手写被裁剪、缩放到 20×20 的框内（虚线），
并按质心（十字）放在 28×28 像素的中央，与 MNIST 的数字一样。
笔画按 MNIST 笔画的粗细重新绘制，因此细笔或粗笔、写得小或写得大，
到达网络时都一样。</translation>
    </message>
    <message>
        <source>network input 28×28</source>
        <translation>网络输入 28×28</translation>
    </message>
    <message>
        <source>pixel (row {0}, column {1}) = input {2}
value {3}</source>
        <translation>像素（第 {0} 行，第 {1} 列）= 输入 {2}
值 {3}</translation>
    </message>
</context>
<context>
    <name>KnockoutView</name>
    <message>
        <source>Knock out each neuron</source>
        <translation>逐个敲除神经元</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>sorted by cost</source>
        <translation>按损失排序</translation>
    </message>
    <message>
        <source>Silence each neuron of a layer in turn and measure the accuracy on the test digits: the tall bars are the neurons the network needs most.</source>
        <translation>依次静音一层中的每个神经元，测量测试数字上的准确率：高的柱子就是网络最需要的神经元。</translation>
    </message>
    <message>
        <source>points lost</source>
        <translation>损失的百分点</translation>
    </message>
    <message>
        <source>neuron</source>
        <translation>神经元</translation>
    </message>
    <message>
        <source>The study failed: {0}: {1}</source>
        <translation>敲除实验失败：{0}：{1}</translation>
    </message>
    <message>
        <source>{0:.2f} % intact; the neurons that matter most: {1}</source>
        <translation>完整时 {0:.2f} %；最重要的神经元：{1}</translation>
    </message>
</context>
<context>
    <name>LossPanel</name>
    <message>
        <source>log scale</source>
        <translation>对数坐标</translation>
    </message>
    <message>
        <source>Show the loss on a logarithmic axis: small late improvements become visible</source>
        <translation>用对数坐标显示损失：后期的微小改进也能看清</translation>
    </message>
    <message>
        <source>&amp;Clear the curves</source>
        <translation>清除曲线(&amp;C)</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>各次训练</translation>
    </message>
    <message>
        <source>Earlier runs stay on the plot, faint, to compare with this one: show, hide or remove them; run again with the same seed; clear the curves</source>
        <translation>之前的训练以淡色留在图上，便于与这次比较：可显示、隐藏或移除；可用同一种子再训练一次；也可清除曲线</translation>
    </message>
    <message>
        <source>Forget the curves drawn so far (training goes on)</source>
        <translation>清除已绘制的曲线（训练继续进行）</translation>
    </message>
</context>
<context>
    <name>LossPlot</name>
    <message>
        <source>batch loss</source>
        <translation>批次损失</translation>
    </message>
    <message>
        <source>smoothed</source>
        <translation>平滑后</translation>
    </message>
    <message>
        <source>test loss</source>
        <translation>测试损失</translation>
    </message>
    <message>
        <source>test accuracy</source>
        <translation>测试准确率</translation>
    </message>
    <message>
        <source>Press Start to train:
the loss appears here</source>
        <translation>按“开始”进行训练：
损失曲线会显示在这里</translation>
    </message>
    <message>
        <source>loss (log scale)</source>
        <translation>损失（对数坐标）</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>log loss</source>
        <translation>对数损失</translation>
    </message>
    <message>
        <source>accuracy (%)</source>
        <translation>准确率 (%)</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>test accuracy (%)</source>
        <translation>测试准确率 (%)</translation>
    </message>
</context>
<context>
    <name>MyExamplesDialog</name>
    <message>
        <source>nnviz examples (*.npz);;All files (*)</source>
        <translation>nnviz 样例 (*.npz);;所有文件 (*)</translation>
    </message>
    <message>
        <source>My examples</source>
        <translation>我的样例</translation>
    </message>
    <message>
        <source>Relabel…</source>
        <translation>重新标注…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Learn from all</source>
        <translation>全部学习</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>a {0}, kept {1}</source>
        <translation>一个 {0}，保存于 {1}</translation>
    </message>
    <message>
        <source>{0} drawings you corrected, kept in {1}. Double-click one to relabel it; Delete removes it (Ctrl+Z brings it back). Training in the window can include them (Training panel).</source>
        <translation>你纠正过的 {0} 个手写，保存在 {1}。双击可重新标注；Delete 键删除（Ctrl+Z 恢复）。窗口中的训练可以包含它们（训练面板）。</translation>
    </message>
    <message>
        <source>No examples yet. When the network misreads your drawing, click the right digit under the probability bars (or press Shift+digit): the drawing is kept here and the network learns it.</source>
        <translation>还没有样例。网络认错你的手写时，点击概率条下方正确的数字（或按 Shift+数字）：手写会保存在这里，网络会学习它。</translation>
    </message>
    <message>
        <source>Relabel</source>
        <translation>重新标注</translation>
    </message>
    <message>
        <source>This drawing is a:</source>
        <translation>这个手写是：</translation>
    </message>
    <message>
        <source>Export my examples</source>
        <translation>导出我的样例</translation>
    </message>
    <message>
        <source>Import examples</source>
        <translation>导入样例</translation>
    </message>
</context>
<context>
    <name>NeuronInspector</name>
    <message>
        <source>output</source>
        <translation>输出层</translation>
    </message>
    <message>
        <source>hidden layer {0}</source>
        <translation>隐藏层 {0}</translation>
    </message>
    <message>
        <source>Click a neuron in the network diagram</source>
        <translation>点击网络图中的一个神经元</translation>
    </message>
    <message>
        <source>That neuron is gone (the network changed): click another</source>
        <translation>该神经元已不存在（网络已更改）：请点击其他神经元</translation>
    </message>
    <message>
        <source>{0}, neuron {1}</source>
        <translation>{0}，神经元 {1}</translation>
    </message>
    <message>
        <source>{0} (digit {1})</source>
        <translation>{0}（数字 {1}）</translation>
    </message>
    <message>
        <source>bias b = {0}   ·   activation: {1}</source>
        <translation>偏置 b = {0}   ·   激活函数：{1}</translation>
    </message>
    <message>
        <source>z = Σ w·a + b: draw a digit to see the numbers</source>
        <translation>z = Σ w·a + b：写一个数字即可看到具体数值</translation>
    </message>
    <message>
        <source>z = {0}   →   a = {1}(z) = {2}   ·   bias b = {3}</source>
        <translation>z = {0}   →   a = {1}(z) = {2}   ·   偏置 b = {3}</translation>
    </message>
    <message>
        <source>{0} more</source>
        <translation>其余 {0} 项</translation>
    </message>
    <message>
        <source>input column</source>
        <translation>输入列</translation>
    </message>
    <message>
        <source>input row</source>
        <translation>输入行</translation>
    </message>
    <message>
        <source>Its 784 incoming weights as the 28×28 picture it responds to: red pixels excite it, blue ones inhibit it</source>
        <translation>它的 784 个输入权重排成它所响应的 28×28 图像：红色像素使它兴奋，蓝色像素抑制它</translation>
    </message>
    <message>
        <source>neuron of the layer before</source>
        <translation>前一层的神经元</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>One bar per incoming weight, from each neuron of the previous layer</source>
        <translation>每根柱子是一个输入权重，来自前一层的一个神经元</translation>
    </message>
    <message>
        <source>Input pixel ({0}, {1})</source>
        <translation>输入像素 ({0}, {1})</translation>
    </message>
    <message>
        <source>no drawing</source>
        <translation>还没有书写</translation>
    </message>
    <message>
        <source>a = {0} (0 black .. 1 white)</source>
        <translation>a = {0}（0 为黑 … 1 为白）</translation>
    </message>
    <message>
        <source>Input neurons compute nothing: each holds one pixel of the 28×28 picture.</source>
        <translation>输入神经元不做任何计算：每个神经元只存放 28×28 图像中的一个像素。</translation>
    </message>
</context>
<context>
    <name>NudgeView</name>
    <message>
        <source>Nudge</source>
        <translation>轻推</translation>
    </message>
    <message>
        <source>make it say </source>
        <translation>让它说 </translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>your drawing</source>
        <translation>你的手写</translation>
    </message>
    <message>
        <source>nudged</source>
        <translation>轻推后</translation>
    </message>
    <message>
        <source>the change (red: ink added, blue: taken away)</source>
        <translation>改动（红：加墨，蓝：去墨）</translation>
    </message>
    <message>
        <source>No pixel changes by more than the amount chosen, and to us it is the same digit, yet the network reads another. Such adversarial examples show that the network does not see digits as we do: it adds up pixels, and many small changes in the right places add up to a different answer.</source>
        <translation>没有一个像素的改动超过所选的量，在我们看来仍是同一个数字，网络却认成了另一个。这种对抗样本说明网络看数字的方式和我们不同：它把像素加起来，在恰当位置的许多微小改动加起来就得出另一个答案。</translation>
    </message>
    <message>
        <source>at most</source>
        <translation>最多</translation>
    </message>
    <message>
        <source>{0:.2f} per pixel</source>
        <translation>每像素 {0:.2f}</translation>
    </message>
    <message>
        <source>Draw a digit first.</source>
        <translation>先写一个数字。</translation>
    </message>
    <message>
        <source>No change of at most {0:.2f} per pixel makes it say {1}: allow more.</source>
        <translation>每像素最多 {0:.2f} 的改动无法让它说 {1}：请放宽。</translation>
    </message>
    <message>
        <source>before: {0} ({1:.0f} %)  →  after: {2} ({3:.0f} %), the largest change {4:.2f}</source>
        <translation>之前：{0}（{1:.0f} %） →  之后：{2}（{3:.0f} %），最大改动 {4:.2f}</translation>
    </message>
</context>
<context>
    <name>ProbabilityBars</name>
    <message>
        <source>The network&apos;s probability for each digit (softmax output)</source>
        <translation>网络对每个数字给出的概率（softmax 输出）</translation>
    </message>
    <message>
        <source>draw a digit</source>
        <translation>写一个数字</translation>
    </message>
    <message>
        <source>digit {0}: {1}</source>
        <translation>数字 {0}：{1}</translation>
    </message>
    <message>
        <source>Click (or Shift+{0}) if your drawing is a {0}: the network learns it</source>
        <translation>如果你写的是 {0}，点击这里（或按 Shift+{0}）：网络会学习它</translation>
    </message>
</context>
<context>
    <name>ProbeViews</name>
    <message>
        <source>PNG picture (*.png);;CSV numbers (*.csv)</source>
        <translation>PNG 图片 (*.png);;CSV 数值 (*.csv)</translation>
    </message>
    <message>
        <source>Save picture</source>
        <translation>保存图片</translation>
    </message>
</context>
<context>
    <name>SoftmaxView</name>
    <message>
        <source>digit</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>temperature T</source>
        <translation>温度 T</translation>
    </message>
    <message>
        <source>Draw a digit to see its ten output values go through softmax.</source>
        <translation>写一个数字，即可看到它的十个输出值如何经过 softmax。</translation>
    </message>
    <message>
        <source>Σ exp(·) = {0}; each p = exp(·) / {0}. Subtracting the maximum first keeps every exp(·) ≤ 1: no overflow.</source>
        <translation>Σ exp(·) = {0}；每个 p = exp(·) / {0}。先减去最大值，使每个 exp(·) ≤ 1：不会溢出。</translation>
    </message>
</context>
<context>
    <name>TimelineBar</name>
    <message>
        <source>Rewind: drag back (or click the curves) to see the network as it was at that moment of training: the diagram, weights, prediction and histograms follow. Right end: live.</source>
        <translation>回放：向左拖动（或点击曲线），查看训练到那一刻时的网络：结构图、权重、预测和直方图随之改变。最右端：实时。</translation>
    </message>
    <message>
        <source>epoch {0} · step {1}</source>
        <translation>轮次 {0} · 第 {1} 步</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <source>Back to the network being trained (End)</source>
        <translation>回到正在训练的网络 (End)</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <source>momentum</source>
        <translation>动量法</translation>
    </message>
    <message>
        <source>constant</source>
        <translation>恒定</translation>
    </message>
    <message>
        <source>step</source>
        <translation>阶梯衰减</translation>
    </message>
    <message>
        <source>exponential</source>
        <translation>指数衰减</translation>
    </message>
    <message>
        <source>cosine</source>
        <translation>余弦退火</translation>
    </message>
    <message>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>ready: press Start (Space)</source>
        <translation>就绪：按“开始”（空格键）</translation>
    </message>
    <message>
        <source>reading MNIST…</source>
        <translation>正在读取 MNIST…</translation>
    </message>
    <message>
        <source>finished {0} epochs · press Start for more, Reset for a new network</source>
        <translation>已完成 {0} 轮 · 按“开始”继续，按“重置”换新网络</translation>
    </message>
    <message>
        <source>diverged: lower the learning rate, then Start</source>
        <translation>训练发散：请调低学习率，再按“开始”</translation>
    </message>
    <message>
        <source>stopped by an error (see the message above)</source>
        <translation>因出错而停止（见上方消息）</translation>
    </message>
    <message>
        <source>epoch {0}/{1}</source>
        <translation>第 {0}/{1} 轮</translation>
    </message>
    <message>
        <source>stopped in {0} · Start begins a new run</source>
        <translation>停止于{0} · 按“开始”重新训练</translation>
    </message>
    <message>
        <source>paused in {0} · step {1}</source>
        <translation>暂停于{0} · 第 {1} 步</translation>
    </message>
    <message>
        <source>{0} samples/s</source>
        <translation>{0} 样本/秒</translation>
    </message>
    <message>
        <source>measuring speed…</source>
        <translation>正在测速…</translation>
    </message>
    <message>
        <source>{0} · ETA {1} · {2}</source>
        <translation>{0} · 剩余 {1} · {2}</translation>
    </message>
    <message>
        <source>full speed</source>
        <translation>全速</translation>
    </message>
    <message>
        <source>1 step/s</source>
        <translation>每秒 1 步</translation>
    </message>
    <message>
        <source>{0} steps/s</source>
        <translation>每秒 {0} 步</translation>
    </message>
    <message>
        <source>{0}: &apos;{1}&apos; is not a number</source>
        <translation>{0}：“{1}”不是数字</translation>
    </message>
    <message>
        <source>{0} must be a finite number, not {1}</source>
        <translation>{0}必须是有限的数，不能是 {1}</translation>
    </message>
    <message>
        <source>{0} must be above 0 (try 0.001)</source>
        <translation>{0}必须大于 0（可试试 0.001）</translation>
    </message>
    <message>
        <source>{0} cannot be negative</source>
        <translation>{0}不能为负数</translation>
    </message>
    <message>
        <source>Hidden layers, activation and seed take effect when you press Reset.</source>
        <translation>隐藏层、激活函数和随机种子在按下“重置”后生效。</translation>
    </message>
    <message>
        <source>Network (applied by Reset)</source>
        <translation>网络结构（按“重置”生效）</translation>
    </message>
    <message>
        <source>e.g. 256,128,64</source>
        <translation>例如 256,128,64</translation>
    </message>
    <message>
        <source>Neurons per hidden layer, separated by commas (e.g. 256,128,64 or 16,16).</source>
        <translation>每个隐藏层的神经元个数，用逗号分隔（例如 256,128,64 或 16,16）。</translation>
    </message>
    <message>
        <source>Activation function of the hidden layers.</source>
        <translation>隐藏层的激活函数。</translation>
    </message>
    <message>
        <source>Seed of the random initial weights (used by Reset) and of the order
of the training digits (used by the next run). Same seed, same run.</source>
        <translation>随机初始权重（“重置”时使用）和训练样本顺序（下次训练时使用）
的随机种子。种子相同，训练过程就相同。</translation>
    </message>
    <message>
        <source>Changed: press Reset to build this network (until then, training goes on with the current one).</source>
        <translation>已修改：按“重置”构建这个网络（在此之前，训练仍使用当前网络）。</translation>
    </message>
    <message>
        <source>Hidden layers</source>
        <translation>隐藏层</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Training (applied at the next step)</source>
        <translation>训练（下一步起生效）</translation>
    </message>
    <message>
        <source>These take effect at the next training step, even in the middle of a run.</source>
        <translation>这些设置从下一个训练步起生效，训练中途也可以修改。</translation>
    </message>
    <message>
        <source>My examples</source>
        <translation>我的样例</translation>
    </message>
    <message>
        <source>Train on the drawings you corrected too (Train &gt; My examples), each 10 times an epoch.
Takes effect from the next run.</source>
        <translation>也在你纠正过的手写上训练（训练 &gt; 我的样例），每轮各 10 次。
从下一次训练开始生效。</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>Train on one batch, then pause (Ctrl+Right)</source>
        <translation>训练一个批次后暂停（Ctrl+Right）</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>End the run; the network keeps what it learned (Start begins a new run)</source>
        <translation>结束本次训练；网络保留已学到的内容（按“开始”重新训练）</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>A new, untrained network with the hidden layers, activation and seed
above; the curves start over (Ctrl+R)</source>
        <translation>按上面的隐藏层、激活函数和随机种子新建一个未训练的网络；
曲线从头开始（Ctrl+R）</translation>
    </message>
    <message>
        <source>Progress of the run: epoch, time left, and training speed</source>
        <translation>训练进度：轮次、剩余时间和训练速度</translation>
    </message>
    <message>
        <source>Training steps a second at most: slow enough to talk through the first
steps of a run (the diagram and the curves follow each step), or as fast as the computer goes</source>
        <translation>每秒最多训练几步：慢到可以逐步讲解训练的最初几步
（网络图和曲线跟着每一步变化），或者让电脑全速运行</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Pause training (Space)</source>
        <translation>暂停训练（空格键）</translation>
    </message>
    <message>
        <source>Start or resume training (Space)</source>
        <translation>开始或继续训练（空格键）</translation>
    </message>
</context>
<context>
    <name>TrainingSession</name>
    <message>
        <source>{0} Lower the learning rate, then press Start to go on.</source>
        <translation>{0} 请降低学习率，然后按“开始”继续。</translation>
    </message>
    <message>
        <source>training stopped by an internal error: {0}: {1}</source>
        <translation>训练因内部错误而停止：{0}：{1}</translation>
    </message>
    <message>
        <source>new network: {0}</source>
        <translation>新网络：{0}</translation>
    </message>
</context>
<context>
    <name>TrainingWorker</name>
    <message>
        <source>cannot build that network: {0}</source>
        <translation>无法构建该网络：{0}</translation>
    </message>
    <message>
        <source>could not read MNIST: {0}: {1}</source>
        <translation>无法读取 MNIST：{0}：{1}</translation>
    </message>
</context>
<context>
    <name>WeightsView</name>
    <message>
        <source>weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>The previous page of neurons</source>
        <translation>上一页神经元</translation>
    </message>
    <message>
        <source>The next page of neurons</source>
        <translation>下一页神经元</translation>
    </message>
    <message>
        <source>change</source>
        <translation>变化量</translation>
    </message>
    <message>
        <source>the {0} most active of {1}</source>
        <translation>{1} 个中最活跃的 {0} 个</translation>
    </message>
    <message>
        <source>neurons {0}–{1} of {2}</source>
        <translation>神经元 {0}–{1}（共 {2} 个）</translation>
    </message>
    <message>
        <source>Tiles of the neurons most active for the drawing, most active first; the arrows page through all of them</source>
        <translation>对这幅笔迹最活跃的神经元的小图，最活跃的在前；用箭头翻看全部神经元</translation>
    </message>
    <message>
        <source>each tile on its own scale, ±(its largest |value|)</source>
        <translation>每个图块单独定标，±（其最大的 |值|）</translation>
    </message>
    <message>
        <source>one scale for all tiles, ±(the largest |value|)</source>
        <translation>所有图块统一定标，±（全部中最大的 |值|）</translation>
    </message>
    <message>
        <source>Each tile: one neuron of hidden layer 1, its weight from every input pixel.</source>
        <translation>每个图块：隐藏层 1 的一个神经元，显示来自每个输入像素的权重。</translation>
    </message>
    <message>
        <source>Each tile: one neuron of hidden layer 1, its weight&apos;s change since the start of training from every input pixel.</source>
        <translation>每个图块：隐藏层 1 的一个神经元，显示来自每个输入像素的权重自训练开始以来的变化量。</translation>
    </message>
    <message>
        <source>Blue: negative, red: positive; {0}.</source>
        <translation>蓝色为负，红色为正；{0}。</translation>
    </message>
    <message>
        <source>hidden layer 1, neuron {0}
weights from {1} to {2}</source>
        <translation>隐藏层 1，神经元 {0}
权重从 {1} 到 {2}</translation>
    </message>
    <message>
        <source>hidden layer 1, neuron {0}
change of the weights from {1} to {2}</source>
        <translation>隐藏层 1，神经元 {0}
权重变化量从 {1} 到 {2}</translation>
    </message>
    <message>
        <source>activation for the drawing: {0}</source>
        <translation>对这幅笔迹的激活值：{0}</translation>
    </message>
</context>
<context>
    <name>_HeatmapArea</name>
    <message>
        <source>{0} neurons</source>
        <translation>{0} 个神经元</translation>
    </message>
    <message>
        <source>draw a digit to see the hidden layers</source>
        <translation>写一个数字，查看各隐藏层</translation>
    </message>
    <message>
        <source>draw a digit</source>
        <translation>写一个数字</translation>
    </message>
    <message>
        <source>hidden layer {0}, neuron {1}</source>
        <translation>隐藏层 {0}，神经元 {1}</translation>
    </message>
    <message>
        <source>activation {0} (layer max {1})</source>
        <translation>激活值 {0}（本层最大 {1}）</translation>
    </message>
</context>
</TS>
