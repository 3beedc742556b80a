package app.scantill.ui.charge;

import app.scantill.qr.QrMatrix;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;

/**
 * Shows a QR matrix as large as its area allows at a whole-number pixel scale, centred. It
 * re-renders only when the scale changes, so resizing the window costs one small image at most.
 */
public final class QrCodeView extends Region {

    private final ObjectProperty<QrMatrix> matrix = new SimpleObjectProperty<>(this, "matrix");
    private final ImageView imageView = new ImageView();
    private int renderedScale;
    private QrMatrix renderedMatrix;

    public QrCodeView() {
        getStyleClass().add("qr-code");
        imageView.setSmooth(false);
        imageView.setPreserveRatio(true);
        imageView.setId("qr-image");
        imageView.accessibleTextProperty().bind(accessibleTextProperty()); // the code's own words
        getChildren().add(imageView);
        matrix.addListener((obs, old, now) -> requestLayout());
        setMinSize(0, 0);
        setPrefSize(480, 480);
    }

    public ObjectProperty<QrMatrix> matrixProperty() {
        return matrix;
    }

    /** The node that holds exactly the QR image (quiet zone included), e.g. for a snapshot. */
    public ImageView imageView() {
        return imageView;
    }

    @Override
    protected void layoutChildren() {
        QrMatrix m = matrix.get();
        if (m == null) {
            imageView.setImage(null);
            renderedMatrix = null;
            return;
        }
        double side = Math.min(getWidth() - snappedLeftInset() - snappedRightInset(),
                getHeight() - snappedTopInset() - snappedBottomInset());
        int scale = Math.max(1, (int) Math.floor(side / m.size()));
        if (scale != renderedScale || m != renderedMatrix) {
            imageView.setImage(QrImageRenderer.render(m, scale));
            renderedScale = scale;
            renderedMatrix = m;
        }
        double pixels = (double) m.size() * scale;
        imageView.relocate(Math.round((getWidth() - pixels) / 2), Math.round((getHeight() - pixels) / 2));
    }
}
