package io.shaledb.core.op.autoscaling;

import io.shaledb.core.autoscaling.ScalableTarget;
import io.shaledb.core.autoscaling.ScalingActivity;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** DescribeScalingActivities: what the scaler did to the namespace's targets, newest first. */
public final class DescribeScalingActivities
    implements Operation<DescribeInput, Page<DescribeScalingActivities.Found>> {
  private final Database db;

  public DescribeScalingActivities(Database db) {
    this.db = db;
  }

  /** An activity with the target it changed. */
  public record Found(ScalableTarget target, ScalingActivity activity) {}

  @Override
  public void validate(DescribeInput in) {
    Described.checkDeclared(in);
  }

  @Override
  public Page<Found> execute(DescribeInput in, RequestContext context) {
    List<Found> found = new ArrayList<>();
    for (ScalableTarget target : Described.targets(db, in)) {
      for (ScalingActivity activity : target.activities()) {
        found.add(new Found(target, activity));
      }
    }
    found.sort(Comparator.comparing((Found f) -> f.activity().startTime()).reversed());
    return Page.of(found, in.maxResults(), in.nextToken());
  }
}
